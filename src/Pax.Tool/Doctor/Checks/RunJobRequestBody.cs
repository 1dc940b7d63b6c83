using System.Text.Json;

namespace Pax.Tool.Doctor.Checks;

/// <summary>
/// Reads the body a caller sends to <c>jobs/J:run</c> (<c>RunJobRequest</c>: <c>validateOnly</c>, <c>etag</c>,
/// <c>overrides</c>; cloud.google.com/run/docs/reference/rest/v2/projects.locations.jobs/run). A set <c>overrides</c>
/// needs <c>run.jobs.runWithOverrides</c> ("Authorization requires the following IAM permission on the specified
/// resource overrides"), which <c>roles/run.invoker</c> lacks.
/// </summary>
internal static class RunJobRequestBody
{
    /// <summary>Whether the body is a JSON object with <c>overrides</c> set (not null); a body that is not JSON carries none Pax can see.</summary>
    public static bool HasOverrides(ReadOnlyMemory<byte> body)
    {
        if (body.IsEmpty)
        {
            return false;
        }

        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.TryGetProperty("overrides", out var overrides) && overrides.ValueKind != JsonValueKind.Null;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
