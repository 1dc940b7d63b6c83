using System.ComponentModel.DataAnnotations;
using Pax.Collection.Sinks;
using Pax.Collection.Snapshots;

namespace Pax.Collection.Runs;

/// <summary>
/// Settings of a collection run, bound from the configuration section <c>Pax:Collection</c> and validated at startup.
/// </summary>
public sealed class CollectionOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Pax:Collection";

    private string _sink = "./pax-data";
    private SnapshotSinkLocation? _sinkLocation;

    /// <summary>
    /// Gets or sets where snapshots go: a folder (relative or absolute), or <c>gs://bucket/prefix</c>. Any other URL
    /// scheme, or a mistyped <c>gs:</c>, fails validation (see <see cref="SnapshotSinkLocation.Parse"/>).
    /// </summary>
    /// <value>The default is <c>./pax-data</c>.</value>
    [Required]
    public string Sink
    {
        get => _sink;
        set
        {
            _sink = value;
            _sinkLocation = null;
        }
    }

    /// <summary>Gets or sets how many cameras are fetched at once.</summary>
    /// <value>The default is 16, polite to the camera provider.</value>
    [Range(1, 1024)]
    public int Concurrency { get; set; } = 16;

    /// <summary>
    /// Gets or sets how many snapshots are written to the sink at once. Images fetched while all upload slots are busy
    /// wait for one, at most as many as this; beyond that further fetches wait, so at most <see cref="Concurrency"/> +
    /// 2 × <see cref="UploadConcurrency"/> images are held at a time and memory and connections stay flat when the sink
    /// is slower than the cameras.
    /// </summary>
    /// <value>The default is 32.</value>
    [Range(1, 1024)]
    public int UploadConcurrency { get; set; } = 32;

    /// <summary>
    /// Gets or sets how long one snapshot's write may take, retries included, before that camera ends
    /// <see cref="CameraOutcomeKind.TimedOut"/> (the run goes on with the others).
    /// </summary>
    /// <value>The default is 2 minutes.</value>
    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00")]
    public TimeSpan UploadTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Gets or sets the schedule slot length; snapshot names use the start of the slot.</summary>
    /// <value>The default is 30 minutes, matching a <c>*/30 * * * *</c> schedule.</value>
    public TimeSpan SlotInterval { get; set; } = SnapshotSlots.DefaultInterval;

    /// <summary>Gets or sets how long a run may work before it stops starting fetches and cancels those in flight.</summary>
    /// <value>The default is 8 minutes, under Cloud Run's default task timeout of 10 minutes so the report is still written.</value>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan Deadline { get; set; } = TimeSpan.FromMinutes(8);

    /// <summary>Gets or sets the lowest share of eligible cameras that must end stored (or already stored) for the run to succeed.</summary>
    /// <value>The default is 0.9. A run under it exits non-zero so that Cloud Run retries the task.</value>
    [Range(0.0, 1.0)]
    public double MinStoredRatio { get; set; } = 0.9;

    /// <summary>Gets or sets a value indicating whether an image identical to the camera's previous snapshot is stored anyway.</summary>
    /// <value>The default is <see langword="false"/>: a stale image (often the provider's offline placeholder) is reported, not stored.</value>
    public bool StoreStaleSnapshots { get; set; }

    /// <summary>
    /// Gets or sets the Pub/Sub topic (<c>projects/P/topics/T</c>) that receives the run's completion: processor
    /// <c>collector/{task index}</c>, run key = the slot (<c>yyyy-MM-ddTHH:mm:ssZ</c>), status succeeded or failed —
    /// the message format Pax.Orchestration tallies.
    /// </summary>
    /// <value>The default is <see langword="null"/>: no completion is published.</value>
    public string? CompletionTopic { get; set; }

    /// <summary>Gets or sets the phase named in the completion message; may stay unset when the orchestrator tallies one phase.</summary>
    /// <value>The default is <see langword="null"/>.</value>
    [RegularExpression("^[A-Za-z0-9_-]{1,100}$")]
    public string? CompletionPhase { get; set; }

    /// <summary>
    /// Gets <see cref="Sink"/> parsed, once per value: the validator, the sink factory and the runner all use this one
    /// value rather than parsing the text again.
    /// </summary>
    /// <exception cref="FormatException"><see cref="Sink"/> is not a valid location (the validator reports it at startup).</exception>
    internal SnapshotSinkLocation SinkLocation => _sinkLocation ??= SnapshotSinkLocation.Parse(_sink);

    /// <summary>Gets the limits an image must meet to be stored.</summary>
    public SnapshotValidationOptions Validation { get; } = new();
}
