using Pax.GoogleCloud.Firestore;

namespace Pax.Orchestration.Completion.Stores.Internal;

/// <summary>
/// The Firestore layout of a tally: document <c>{phase}_completion/{runKey}</c> with one map field per processor
/// (<c>status</c>, <c>recordedAt</c>, <c>messageId</c>, <c>details</c>, <c>traceParent</c> — the W3C context it was recorded in) and the reserved fields <c>_phase</c>,
/// <c>_runKey</c>, <c>_state</c> (open|claimed|triggered), <c>_triggered</c>, <c>_claimedUntil</c>,
/// <c>_createdAt</c>, <c>_updatedAt</c> and <c>_triggeredAt</c>, plus <c>_claimedAt</c> (when the trigger was last
/// claimed) and <c>_claims</c> (how many times: more than 1 after re-drives), <c>_claimedBy</c> (the instance that took the last claim), absent on tallies written before them, and
/// the last failed trigger attempt while untriggered: <c>_triggerError</c> (the message), <c>_triggerErrorAt</c> and
/// <c>_triggerFailures</c> (failed attempts), cleared when the tally is marked triggered, and then
/// <c>_triggerTraceParent</c>: the W3C context of the trigger that fired.
/// </summary>
internal static class FirestoreTallyDocument
{
    public const string Phase = "_phase";
    public const string RunKey = "_runKey";
    public const string State = "_state";
    public const string Triggered = "_triggered";
    public const string ClaimedUntil = "_claimedUntil";
    public const string CreatedAt = "_createdAt";
    public const string UpdatedAt = "_updatedAt";
    public const string TriggeredAt = "_triggeredAt";
    public const string ClaimedAt = "_claimedAt";
    public const string Claims = "_claims";
    public const string ClaimedBy = "_claimedBy";
    public const string TriggerError = "_triggerError";
    public const string TriggerErrorAt = "_triggerErrorAt";
    public const string TriggerFailures = "_triggerFailures";
    public const string TriggerTraceParent = "_triggerTraceParent";

    public static string Collection(string phase) => phase + "_completion";

    public static StoredTally? Read(FirestoreDocument? document, string phase, string runKey)
    {
        if (document?.Fields is not { } fields)
        {
            return null;
        }

        var completions = new Dictionary<string, ProcessorCompletion>(StringComparer.Ordinal);
        foreach (var (name, value) in fields)
        {
            if (!name.StartsWith('_') && value.MapValue?.Fields is { } map)
            {
                completions[name] = ReadCompletion(name, map);
            }
        }

        var createdAt = Timestamp(fields, CreatedAt) ?? DateTimeOffset.MinValue;
        return new StoredTally(
            phase,
            runKey,
            ParseState(fields.GetValueOrDefault(State)?.StringValue),
            completions,
            createdAt,
            Timestamp(fields, UpdatedAt) ?? createdAt,
            Timestamp(fields, ClaimedUntil),
            Timestamp(fields, TriggeredAt),
            Timestamp(fields, ClaimedAt),
            Count(fields, Claims),
            fields.GetValueOrDefault(TriggerError)?.StringValue is { } error
                ? new Completion.TriggerError(Timestamp(fields, TriggerErrorAt) ?? createdAt, error, Count(fields, TriggerFailures))
                : null)
        {
            TriggerTraceParent = fields.GetValueOrDefault(TriggerTraceParent)?.StringValue,
            ClaimedBy = fields.GetValueOrDefault(ClaimedBy)?.StringValue,
        };
    }

    public static FirestoreValue Completion(ProcessorCompletion completion)
    {
        var map = new Dictionary<string, FirestoreValue>(StringComparer.Ordinal)
        {
            ["status"] = FirestoreValue.String(completion.Status == CompletionStatus.Failed ? "failed" : "succeeded"),
            ["recordedAt"] = FirestoreValue.Timestamp(completion.RecordedAt),
        };
        if (completion.MessageId is { } id)
        {
            map["messageId"] = FirestoreValue.String(id);
        }

        if (completion.Details is { } details)
        {
            map["details"] = FirestoreValue.String(details);
        }

        if (completion.TraceParent is { } traceParent)
        {
            map["traceParent"] = FirestoreValue.String(traceParent);
        }

        return FirestoreValue.Map(map);
    }

    /// <summary>The fields a claim writes: state, lease end, when, and the claim count after this one.</summary>
    public static void Claim(Dictionary<string, FirestoreValue> fields, StoredTally? current, DateTimeOffset now, DateTimeOffset leaseUntil)
    {
        fields[State] = FirestoreValue.String("claimed");
        fields[ClaimedUntil] = FirestoreValue.Timestamp(leaseUntil);
        fields[ClaimedAt] = FirestoreValue.Timestamp(now);
        fields[Claims] = FirestoreValue.Integer((current?.Claims ?? 0) + 1L);
        fields[ClaimedBy] = FirestoreValue.String(Pax.Orchestration.Internal.InstanceIdentity.Current);
    }

    public static string StateName(TallyTriggerState state) => state switch
    {
        TallyTriggerState.Claimed => "claimed",
        TallyTriggerState.Triggered => "triggered",
        _ => "open",
    };

    public static ProcessorCompletion ReadCompletion(string processor, Dictionary<string, FirestoreValue> map) => new(
        processor,
        map.GetValueOrDefault("status")?.StringValue == "failed" ? CompletionStatus.Failed : CompletionStatus.Succeeded,
        Timestamp(map, "recordedAt") ?? DateTimeOffset.MinValue,
        map.GetValueOrDefault("messageId")?.StringValue,
        map.GetValueOrDefault("details")?.StringValue)
    {
        TraceParent = map.GetValueOrDefault("traceParent")?.StringValue,
    };

    private static int Count(Dictionary<string, FirestoreValue> fields, string name) =>
        (int)Math.Clamp(fields.GetValueOrDefault(name)?.AsInteger() ?? 0, 0, int.MaxValue);

    private static DateTimeOffset? Timestamp(Dictionary<string, FirestoreValue> fields, string name) =>
        fields.GetValueOrDefault(name)?.AsTimestamp();

    private static TallyTriggerState ParseState(string? state) => state switch
    {
        "claimed" => TallyTriggerState.Claimed,
        "triggered" => TallyTriggerState.Triggered,
        _ => TallyTriggerState.Open,
    };
}
