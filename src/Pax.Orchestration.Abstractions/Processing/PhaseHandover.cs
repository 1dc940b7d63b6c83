using System.Globalization;
using Pax.GoogleCloud.Tracing.Internal;

namespace Pax.Orchestration.Processing;

/// <summary>
/// What Pax.Orchestration hands to the next phase when a phase completes for a run key — and the one place the names
/// of that handover are written. The Cloud Run Job trigger runs the job with the environment variables
/// <see cref="PhaseVariable"/>, <see cref="RunKeyVariable"/> and <see cref="IdempotencyKeyVariable"/>; the Pub/Sub topic
/// trigger publishes the attributes <see cref="PhaseAttribute"/>, <see cref="RunKeyAttribute"/> and
/// <see cref="IdempotencyKeyAttribute"/> (its JSON data carries the same names, plus <c>completed</c>). A processor
/// reads them with <see cref="FromEnvironment"/> or <see cref="FromAttributes"/>; <see cref="ProcessorHost"/> does it
/// for a Cloud Run Job.
/// </summary>
public sealed record PhaseHandover
{
    /// <summary>The environment variable of the completed phase: <c>PAX_PHASE</c>.</summary>
    public const string PhaseVariable = "PAX_PHASE";

    /// <summary>The environment variable of the run key: <c>PAX_RUN_KEY</c>.</summary>
    public const string RunKeyVariable = "PAX_RUN_KEY";

    /// <summary>The environment variable of the idempotency key: <c>PAX_IDEMPOTENCY_KEY</c>.</summary>
    public const string IdempotencyKeyVariable = "PAX_IDEMPOTENCY_KEY";

    /// <summary>
    /// The environment variable of the trace context the execution continues: <c>TRACEPARENT</c>, a W3C traceparent
    /// (<c>00-{trace id}-{span id}-{flags}</c>). The Cloud Run Job trigger sets it when it runs in a span (with
    /// <c>TRACESTATE</c> when there is one); <see cref="ProcessorHost"/> and the collector start their run span as its child.
    /// The Pub/Sub topic trigger carries the same context in the attribute <c>googclient_traceparent</c>, as Google's clients do.
    /// </summary>
    public const string TraceParentVariable = TraceContextText.TraceParentVariable;

    /// <summary>The Pub/Sub attribute (and data field) of the completed phase: <c>phase</c>.</summary>
    public const string PhaseAttribute = "phase";

    /// <summary>The Pub/Sub attribute (and data field) of the run key: <c>runKey</c>.</summary>
    public const string RunKeyAttribute = "runKey";

    /// <summary>The Pub/Sub attribute (and data field) of the idempotency key: <c>idempotencyKey</c>.</summary>
    public const string IdempotencyKeyAttribute = "idempotencyKey";

    /// <summary>
    /// The format of a run key that names a schedule slot, as the collector reports it: the slot's start in UTC,
    /// <c>yyyy-MM-ddTHH:mm:ssZ</c> (such as <c>2026-02-10T14:30:00Z</c>).
    /// </summary>
    public const string SlotRunKeyFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    /// <summary>Initializes a handover.</summary>
    /// <param name="runKey">The run key the phase completed for, such as <c>2026-02-10</c> or a collector slot (<see cref="SlotRunKey"/>).</param>
    /// <param name="phase">The phase that completed, or <see langword="null"/> when no Pax trigger started this run (a local run names only the run key).</param>
    /// <param name="idempotencyKey">The key a receiver deduplicates on (<see cref="IdempotencyKeyFor"/>), or <see langword="null"/> when no Pax trigger started this run.</param>
    /// <exception cref="ArgumentException"><paramref name="runKey"/> is empty.</exception>
    public PhaseHandover(string runKey, string? phase = null, string? idempotencyKey = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(runKey);
        RunKey = runKey;
        Phase = phase;
        IdempotencyKey = idempotencyKey;
    }

    /// <summary>Gets the run key the phase completed for.</summary>
    public string RunKey { get; }

    /// <summary>Gets the phase that completed, or <see langword="null"/> when no Pax trigger started this run.</summary>
    public string? Phase { get; }

    /// <summary>Gets the key a receiver deduplicates on (<c>{phase}:{runKey}</c>), or <see langword="null"/> when no Pax trigger started this run.</summary>
    public string? IdempotencyKey { get; }

    /// <summary>Returns the idempotency key of a (phase, run key): <c>{phase}:{runKey}</c>.</summary>
    /// <param name="phase">The completed phase.</param>
    /// <param name="runKey">The run key.</param>
    /// <returns>The key, such as <c>phase2:2026-02-10</c>.</returns>
    public static string IdempotencyKeyFor(string phase, string runKey) => $"{phase}:{runKey}";

    /// <summary>Returns the run key of a schedule slot (<see cref="SlotRunKeyFormat"/>).</summary>
    /// <param name="slot">The slot's start.</param>
    /// <returns>The run key, such as <c>2026-02-10T14:30:00Z</c>.</returns>
    public static string SlotRunKey(DateTimeOffset slot) => slot.UtcDateTime.ToString(SlotRunKeyFormat, CultureInfo.InvariantCulture);

    /// <summary>Reads the handover from environment variables, as the Cloud Run Job trigger sets them.</summary>
    /// <param name="getVariable">Returns a variable's value, or <see langword="null"/> (such as <see cref="Environment.GetEnvironmentVariable(string)"/>).</param>
    /// <returns>The handover, or <see langword="null"/> when <c>PAX_RUN_KEY</c> is not set; an empty <c>PAX_PHASE</c> or <c>PAX_IDEMPOTENCY_KEY</c> reads as <see langword="null"/>.</returns>
    public static PhaseHandover? FromEnvironment(Func<string, string?> getVariable)
    {
        ArgumentNullException.ThrowIfNull(getVariable);
        return Create(getVariable(RunKeyVariable), getVariable(PhaseVariable), getVariable(IdempotencyKeyVariable));
    }

    /// <summary>Reads the handover from a Pub/Sub message's attributes, as the Pub/Sub topic trigger publishes them.</summary>
    /// <param name="attributes">The message's attributes.</param>
    /// <returns>The handover, or <see langword="null"/> when the <c>runKey</c> attribute is missing or empty.</returns>
    public static PhaseHandover? FromAttributes(IReadOnlyDictionary<string, string> attributes)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        return Create(attributes.GetValueOrDefault(RunKeyAttribute), attributes.GetValueOrDefault(PhaseAttribute), attributes.GetValueOrDefault(IdempotencyKeyAttribute));
    }

    private static PhaseHandover? Create(string? runKey, string? phase, string? idempotencyKey) =>
        string.IsNullOrEmpty(runKey) ? null : new PhaseHandover(runKey, NullIfEmpty(phase), NullIfEmpty(idempotencyKey));

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
