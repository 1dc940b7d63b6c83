using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pax.TestSupport.GoogleRest.Internal;

/// <summary>Checks a request body the way Google's JSON front end does: unknown field names and wrong types are refused.</summary>
internal static class StrictJson
{
    /// <summary>Returns the refusal message for a field <paramref name="node"/> has but <paramref name="allowed"/> lacks, or <see langword="null"/>.</summary>
    public static string? UnknownField(JsonObject node, string at, params string[] allowed)
    {
        var unknown = node.Select(p => p.Key).FirstOrDefault(key => !allowed.Contains(key, StringComparer.Ordinal));
        return unknown is null ? null : $"Invalid JSON payload received. Unknown name \"{unknown}\" at '{at}': Cannot find field.";
    }

    /// <summary>Reads an optional string field; <paramref name="error"/> is set when it is not a string.</summary>
    public static string? String(JsonObject node, string name, string at, ref string? error)
    {
        if (!node.TryGetPropertyValue(name, out var value) || value is null)
        {
            return null;
        }

        if (value.GetValueKind() == JsonValueKind.String)
        {
            return value.GetValue<string>();
        }

        error ??= $"Invalid value at '{at}.{name}' ({value.GetValueKind()}), expected a string.";
        return null;
    }

    /// <summary>Reads an optional integer field (a JSON number, or an int64 string); <paramref name="error"/> is set otherwise.</summary>
    public static long? Integer(JsonObject node, string name, string at, ref string? error)
    {
        if (!node.TryGetPropertyValue(name, out var value) || value is null)
        {
            return null;
        }

        if (value.GetValueKind() == JsonValueKind.Number && value.AsValue().TryGetValue<long>(out var number))
        {
            return number;
        }

        if (value.GetValueKind() == JsonValueKind.String && long.TryParse(value.GetValue<string>(), out var parsed))
        {
            return parsed;
        }

        error ??= $"Invalid value at '{at}.{name}' ({value.GetValueKind()}), expected an integer.";
        return null;
    }

    /// <summary>Reads an optional object field; <paramref name="error"/> is set when it is not an object.</summary>
    public static JsonObject? Object(JsonObject node, string name, string at, ref string? error)
    {
        if (!node.TryGetPropertyValue(name, out var value) || value is null)
        {
            return null;
        }

        if (value is JsonObject child)
        {
            return child;
        }

        error ??= $"Invalid value at '{at}.{name}' ({value.GetValueKind()}), expected an object.";
        return null;
    }

    /// <summary>Parses a request body that must be one JSON object.</summary>
    public static JsonObject? ParseObject(RecordedRestRequest request, out string? error)
    {
        error = null;
        var contentType = request.Headers.GetValueOrDefault("Content-Type") ?? string.Empty;
        if (!contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            error = $"Expected Content-Type application/json, got '{contentType}'.";
            return null;
        }

        try
        {
            if (JsonNode.Parse(request.Body) is JsonObject body)
            {
                return body;
            }
        }
        catch (JsonException ex)
        {
            error = $"Invalid JSON payload received. {ex.Message}";
            return null;
        }

        error = "Invalid JSON payload received. Expected an object.";
        return null;
    }
}
