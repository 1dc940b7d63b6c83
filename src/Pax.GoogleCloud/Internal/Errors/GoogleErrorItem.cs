namespace Pax.GoogleCloud.Internal.Errors;

/// <summary>One entry of the JSON API form's <c>errors[]</c>.</summary>
internal sealed class GoogleErrorItem
{
    public string? Domain { get; set; }

    public string? Reason { get; set; }

    public string? Message { get; set; }

    public string? Location { get; set; }

    public string? LocationType { get; set; }
}
