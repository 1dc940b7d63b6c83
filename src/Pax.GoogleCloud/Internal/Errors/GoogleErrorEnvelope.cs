namespace Pax.GoogleCloud.Internal.Errors;

/// <summary>The wire form of a Google error answer: <c>{"error":{…}}</c>.</summary>
internal sealed class GoogleErrorEnvelope
{
    public GoogleErrorBody? Error { get; set; }
}
