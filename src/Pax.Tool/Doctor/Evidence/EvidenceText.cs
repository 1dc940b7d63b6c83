using System.Globalization;

namespace Pax.Tool.Doctor.Evidence;

/// <summary>How evidence sentences write times, ages, counts and google.rpc codes.</summary>
internal static class EvidenceText
{
    // google.rpc.Code (github.com/googleapis/googleapis/blob/master/google/rpc/code.proto): the code Cloud Scheduler
    // records in a job's status for the target's answer.
    private static readonly string[] RpcCodes =
    [
        "OK", "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT", "DEADLINE_EXCEEDED", "NOT_FOUND", "ALREADY_EXISTS", "PERMISSION_DENIED",
        "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION", "ABORTED", "OUT_OF_RANGE", "UNIMPLEMENTED", "INTERNAL", "UNAVAILABLE", "DATA_LOSS", "UNAUTHENTICATED",
    ];

    /// <summary>An instant as <c>2026-12-06 10:30:00 UTC</c>.</summary>
    public static string Time(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>An instant with its age: <c>2026-12-06 10:30:00 UTC (3 h 12 min ago)</c>.</summary>
    public static string TimeAgo(DateTimeOffset value, DateTimeOffset now) =>
        value <= now ? $"{Time(value)} ({Duration(now - value)} ago)" : Time(value);

    /// <summary>A duration in its two largest units: <c>7 d 2 h</c>, <c>3 h 12 min</c>, <c>4 min 5 s</c>, <c>45 s</c>.</summary>
    public static string Duration(TimeSpan value)
    {
        if (value.TotalDays >= 1)
        {
            return value.Hours > 0 ? $"{value.Days} d {value.Hours} h" : $"{value.Days} d";
        }

        if (value.TotalHours >= 1)
        {
            return value.Minutes > 0 ? $"{value.Hours} h {value.Minutes} min" : $"{value.Hours} h";
        }

        return value.TotalMinutes >= 1
            ? value.Seconds > 0 ? $"{value.Minutes} min {value.Seconds} s" : $"{value.Minutes} min"
            : $"{Math.Max(0, (int)value.TotalSeconds)} s";
    }

    /// <summary>A count with thousands separators: <c>1,204</c>.</summary>
    public static string Count(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    /// <summary>The name of a google.rpc code: <c>UNAUTHENTICATED (16)</c>.</summary>
    public static string RpcCode(int code) => code >= 0 && code < RpcCodes.Length ? $"{RpcCodes[code]} ({code})" : $"code {code}";
}
