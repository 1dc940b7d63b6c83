using System.Text.Json;
using Pax.GoogleCloud.Internal.Json;

namespace Pax.GoogleCloud.Internal.Errors;

/// <summary>Reads Google's error bodies; never throws, whatever the body holds.</summary>
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
            error = JsonSerializer.Deserialize(body, GoogleCloudJsonContext.Default.GoogleErrorEnvelope)?.Error;
        }
        catch (JsonException)
        {
            // Not Google's JSON (a proxy's HTML page, an OAuth error): keep the text below.
        }

        if (error is null)
        {
            return new GoogleError(Truncate(body.Trim()), null, null);
        }

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
