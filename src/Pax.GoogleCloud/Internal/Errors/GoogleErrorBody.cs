namespace Pax.GoogleCloud.Internal.Errors;

/// <summary>
/// Google's error object in both forms: the JSON API form (<c>code</c>, <c>message</c>, <c>errors[]</c> with
/// <c>reason</c>) and the gRPC-transcoded form (<c>code</c>, <c>message</c>, <c>status</c>, <c>details[]</c>).
/// </summary>
internal sealed class GoogleErrorBody
{
    public int? Code { get; set; }

    public string? Message { get; set; }

    public string? Status { get; set; }

    public IReadOnlyList<GoogleErrorItem>? Errors { get; set; }

    public IReadOnlyList<GoogleErrorDetail>? Details { get; set; }
}
