using System.Text.Json;
using Pax.GoogleCloud.Internal.Json;

namespace Pax.GoogleCloud.Internal.Errors;

/// <summary>
/// Reads Google's error bodies; never throws, whatever the body holds. Besides <c>{"error":{…}}</c> it reads the
/// array form <c>[{"error":{…}}]</c> that Google's REST front end sends for server-streaming methods (Firestore
/// <c>runQuery</c>, <c>batchGet</c>): the first element that carries an error.
/// </summary>
internal static class GoogleErrorParser
{
    private const int MaxRawTextLength = 500;
    private const string ErrorInfoType = "type.googleapis.com/google.rpc.ErrorInfo";

    public static GoogleError Parse(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return new GoogleError(null, null, null);
        }

        GoogleErrorBody? error = null;
        try
        {
            error = body.TrimStart().StartsWith('[')
                ? JsonSerializer.Deserialize(body, GoogleCloudJsonContext.Default.ListGoogleErrorEnvelope)?.FirstOrDefault(e => e?.Error is not null)?.Error
                : JsonSerializer.Deserialize(body, GoogleCloudJsonContext.Default.GoogleErrorEnvelope)?.Error;
        }
        catch (JsonException)
        {
            // Not Google's JSON (a proxy's HTML page, an OAuth error): keep the text below.
        }

        return error is null ? new GoogleError(Truncate(body.Trim()), null, null) : FromBody(error);
    }

    /// <summary>Returns what Pax keeps of one error object (such as the <c>error</c> element of a streamed answer).</summary>
    public static GoogleError FromBody(GoogleErrorBody error)
    {
        var reason = error.Errors?.Select(e => e.Reason).FirstOrDefault(r => !string.IsNullOrEmpty(r))
            ?? error.Details?.Where(d => d.Type == ErrorInfoType).Select(d => d.Reason).FirstOrDefault(r => !string.IsNullOrEmpty(r));
        var message = string.IsNullOrWhiteSpace(error.Message)
            ? error.Errors?.Select(e => e.Message).FirstOrDefault(m => !string.IsNullOrWhiteSpace(m))
            : error.Message;
        return new GoogleError(message, string.IsNullOrEmpty(error.Status) ? null : error.Status, reason);
    }

    private static string Truncate(string text) =>
        text.Length <= MaxRawTextLength ? text : string.Concat(text.AsSpan(0, MaxRawTextLength), "…");
}
