using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Pax.Orchestration.Completion;
using Pax.Orchestration.Scheduling;

namespace Pax.Orchestration.Dashboard.Internal.Search;

/// <summary>
/// Reads the filters of the phases, jobs and rejected pages from the query string (the same names on the pages and in
/// <c>/pax/api/*</c>). A value the dashboard cannot use is refused with a message naming the parameter and the accepted
/// values (400), never passed to a store; an absent or empty parameter is no filter.
/// </summary>
internal static partial class DashboardFilters
{
    /// <summary>The accepted <c>state</c> values, in the order the message lists them.</summary>
    public static readonly IReadOnlyList<string> States = ["open", "claimed", "triggered", "trigger-failed", "overdue", "nobody-reported"];

    /// <summary>The accepted <c>reason</c> values of rejected deliveries (the intake's reason codes).</summary>
    public static readonly IReadOnlyList<string> Reasons = ["envelope", "contract", "invalid", "oversized"];

    private const string TimeFormat = "a date or UTC time in ISO 8601, such as 2026-02-10 or 2026-02-10T14:00:00Z";

    /// <summary>Reads <c>runKey</c>, <c>prefix</c>, <c>state</c>, <c>from</c> and <c>until</c>; <paramref name="error"/> says what is wrong.</summary>
    public static TallyFilter? Tallies(HttpContext context, out string? error)
    {
        var runKey = DashboardEndpoints.Query(context, "runKey");
        var prefix = DashboardEndpoints.Query(context, "prefix");
        var state = DashboardEndpoints.Query(context, "state");
        var range = Range(context, out var from, out var until);
        error = (runKey is null ? null : CompletionNames.ValidateRunKey(runKey) is { } rule ? rule + "." : null)
            ?? (prefix is { Length: > 500 } ? "prefix holds at most 500 characters." : null)
            ?? (state is not null && !States.Contains(state, StringComparer.Ordinal) ? "state must be one of " + string.Join(", ", States) + $" (was '{state}')." : null)
            ?? range;
        if (error is null && prefix is not null && (from is not null || until is not null || state is "trigger-failed" or "overdue"))
        {
            error = "prefix cannot be combined with from, until, state=trigger-failed or state=overdue (a prefix search reads run keys in key order, the others in time order); use one or the other.";
        }

        return error is not null || (runKey, prefix, state, from, until) == (null, null, null, null, null)
            ? null
            : new TallyFilter(runKey, prefix, state, from, until);
    }

    /// <summary>Reads <c>id</c>, <c>type</c>, <c>from</c> and <c>until</c> of the jobs page.</summary>
    public static JobFilter? Jobs(HttpContext context, out string? error)
    {
        var id = DashboardEndpoints.Query(context, "id");
        var type = DashboardEndpoints.Query(context, "type");
        var range = Range(context, out var from, out var until);
        error = (id is not null && !ScheduledJob.IsValidId(id) ? "id must be 1–200 letters, digits, '-', '_' or '.' (not '.', '..' or '__…__')." : null)
            ?? (type is { Length: > 200 } ? "type holds at most 200 characters." : null)
            ?? range;
        return error is not null || (id, type, from, until) == (null, null, null, null) ? null : new JobFilter(id, type, from, until);
    }

    /// <summary>Reads <c>reason</c> of the rejected page.</summary>
    public static string? Reason(HttpContext context, out string? error)
    {
        var reason = DashboardEndpoints.Query(context, "reason");
        error = reason is not null && !Reasons.Contains(reason, StringComparer.Ordinal)
            ? "reason must be one of " + string.Join(", ", Reasons) + $" (was '{reason}')."
            : null;
        return error is null ? reason : null;
    }

    /// <summary>The query-string suffix (<c>&amp;name=value</c>…) that carries filters to the next page.</summary>
    public static string Suffix(params (string Name, string? Value)[] parameters)
    {
        var suffix = new StringBuilder();
        foreach (var (name, value) in parameters.Where(p => p.Value is not null))
        {
            suffix.Append('&').Append(name).Append('=').Append(Uri.EscapeDataString(value!));
        }

        return suffix.ToString();
    }

    public static string? Time(DateTimeOffset? at) => at?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private static string? Range(HttpContext context, out DateTimeOffset? from, out DateTimeOffset? until)
    {
        from = until = null;
        foreach (var name in new[] { "from", "until" })
        {
            if (DashboardEndpoints.Query(context, name) is not { } text)
            {
                continue;
            }

            if (!IsoStart().IsMatch(text) || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
            {
                return $"{name} must be {TimeFormat} (was '{text}').";
            }

            if (name == "from")
            {
                from = at;
            }
            else
            {
                until = at;
            }
        }

        return from is { } f && until is { } u && f >= u ? "from must be before until." : null;
    }

    [GeneratedRegex("^[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9:.]+(Z|[+-][0-9]{2}:[0-9]{2})?)?$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex IsoStart();
}

/// <summary>The tally filters of the phases page: an exact run key, a prefix, a state (<see cref="DashboardFilters.States"/>) and a range of first reports.</summary>
internal sealed record TallyFilter(string? RunKey, string? Prefix, string? State, DateTimeOffset? From, DateTimeOffset? Until)
{
    /// <summary>The query-string suffix that keeps this filter on the next page.</summary>
    public string Suffix => DashboardFilters.Suffix(("runKey", RunKey), ("prefix", Prefix), ("state", State), ("from", DashboardFilters.Time(From)), ("until", DashboardFilters.Time(Until)));

    /// <summary>Whether an expected run key nobody reported for belongs in the filtered page.</summary>
    public bool KeepsExpected(string runKey, DateTimeOffset expectedAt) =>
        State is null or "nobody-reported"
        && (RunKey is null || RunKey == runKey)
        && (Prefix is null || runKey.StartsWith(Prefix, StringComparison.Ordinal))
        && (From is null || expectedAt >= From) && (Until is null || expectedAt < Until);
}

/// <summary>The job filters of the jobs page: an exact id, a type and a range of due times.</summary>
internal sealed record JobFilter(string? Id, string? Type, DateTimeOffset? From, DateTimeOffset? Until)
{
    /// <summary>The query-string suffix that keeps this filter on the next page.</summary>
    public string Suffix => DashboardFilters.Suffix(("id", Id), ("type", Type), ("from", DashboardFilters.Time(From)), ("until", DashboardFilters.Time(Until)));
}
