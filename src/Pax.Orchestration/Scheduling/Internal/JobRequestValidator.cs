using System.Text.Json;
using Pax.Orchestration.Internal;

namespace Pax.Orchestration.Scheduling.Internal;

/// <summary>Turns a <see cref="ScheduledJobRequest"/> into a new job, or refuses it with the reason.</summary>
internal static class JobRequestValidator
{
    private const int MaxIdLength = 200;
    private static readonly JsonElement EmptyObject = JsonDocument.Parse("{}").RootElement.Clone();

    public static ScheduledJob Validate(ScheduledJobRequest request, Func<string, IScheduledJobHandler?> handlers, IReadOnlyCollection<string> types, SchedulingOptions options, DateTimeOffset now)
    {
        var type = string.IsNullOrWhiteSpace(request.Type) ? throw Refuse("type is required") : request.Type;
        var handler = handlers(type) ?? throw Refuse($"type '{type}' has no handler; registered types: [{string.Join(", ", types.Order(StringComparer.Ordinal))}]");
        var payload = request.Payload ?? EmptyObject;
        if (payload.ValueKind != JsonValueKind.Object)
        {
            throw Refuse($"payload must be a JSON object (was {payload.ValueKind})");
        }

        // Before anything reads or stores it: a stored lone surrogate could never be answered back (GET /jobs/{id}) or decoded by the handler.
        if (!WellFormedText.IsWellFormed(payload))
        {
            throw Refuse("payload holds a string or name that is not valid Unicode (a lone surrogate such as \\ud800)");
        }

        if (handler.ValidatePayload(payload) is { } problem)
        {
            throw Refuse($"payload for type '{type}': {problem}");
        }

        var maxAttempts = request.MaxAttempts ?? options.DefaultMaxAttempts;
        if (maxAttempts is < 1 or > 100)
        {
            throw Refuse($"maxAttempts must be between 1 and 100 (was {maxAttempts})");
        }

        if (request.Cron is null && request.TimeZone is not null)
        {
            throw Refuse("timeZone applies to cron; set cron too, or leave timeZone out");
        }

        if (request.Misfire is { } misfire && (!Enum.IsDefined(misfire) || request.Cron is null))
        {
            throw Refuse(request.Cron is null ? "misfire applies to cron; set cron too, or leave misfire out" : "misfire must be RunOnce, RunAll or Skip");
        }

        var recurrence = request.Cron is { } cron ? JobRecurrence.Parse(cron, request.TimeZone) : null;
        var scheduleAt = request.ScheduleAt ?? (recurrence is null ? now : recurrence.Next(now) ?? throw Refuse($"cron '{request.Cron}' has no future occurrence"));
        return new ScheduledJob
        {
            Id = CheckId(request.Id) ?? Guid.NewGuid().ToString("N"),
            Type = type,
            Payload = payload.Clone(),
            ScheduleAt = scheduleAt,
            Status = ScheduledJobStatus.Pending,
            MaxAttempts = maxAttempts,
            Cron = request.Cron,
            TimeZone = request.TimeZone,
            Misfire = request.Misfire ?? MisfirePolicy.RunOnce,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    /// <summary>Returns whether <paramref name="id"/> is a valid job id: 1–200 letters, digits, '-', '_' or '.', not '.', '..' or __…__.</summary>
    public static bool IsValidId(string id) =>
        id.Length is > 0 and <= MaxIdLength
        && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
        && id is not ("." or "..")
        && !(id.StartsWith("__", StringComparison.Ordinal) && id.EndsWith("__", StringComparison.Ordinal));

    private static string? CheckId(string? id) =>
        id is null || IsValidId(id) ? id : throw Refuse($"id '{id}' is not valid: 1–{MaxIdLength} letters, digits, '-', '_' or '.', not '.', '..' or __…__");

    private static ScheduledJobRequestException Refuse(string reason) => new(reason);
}
