using Pax.Collection.Runs;

namespace Pax.Collection.Hosting;

/// <summary>
/// The collector's flags and <c>PAX_*</c> variables, as the README documents them (a contract: scripts and Cloud Run
/// Job definitions use these names), with the <c>Pax:Collection</c> configuration key each one sets. A host builds its
/// command line from <see cref="All"/> and hands the given values to
/// <see cref="CollectorConfiguration.AddPaxCollectorSettings"/>; a Job configured only through <c>appsettings.json</c> or
/// <c>Pax__Collection__…</c> variables sets the same keys directly.
/// </summary>
public static class CollectorFlags
{
    /// <summary>Gets <c>--camera-api URL</c> / <c>PAX_CAMERA_API</c> → <c>Pax:Collection:Cameras:BaseAddress</c>.</summary>
    public static CollectorFlag CameraApi { get; } = new("--camera-api", "PAX_CAMERA_API", $"{Section}:Cameras:BaseAddress", "Camera API base URL [env PAX_CAMERA_API; default https://webcams.nyctmc.org]", "URL");

    /// <summary>Gets <c>--area NAME</c> / <c>PAX_AREA</c> → <c>Pax:Collection:Area</c>.</summary>
    public static CollectorFlag Area { get; } = new("--area", "PAX_AREA", $"{Section}:{nameof(CollectorJobOptions.Area)}", "Collect the cameras of a named area [env PAX_AREA; default purple-corridor]", "NAME");

    /// <summary>Gets <c>--manifest FILE</c> / <c>PAX_MANIFEST</c> → <c>Pax:Collection:Manifest</c>.</summary>
    public static CollectorFlag Manifest { get; } = new("--manifest", "PAX_MANIFEST", $"{Section}:{nameof(CollectorJobOptions.Manifest)}", "Collect the cameras listed in a manifest file [env PAX_MANIFEST]", "FILE");

    /// <summary>Gets <c>--all</c> / <c>PAX_ALL=true</c> → <c>Pax:Collection:All</c>.</summary>
    public static CollectorFlag AllOnline { get; } = new("--all", "PAX_ALL", $"{Section}:{nameof(CollectorJobOptions.All)}", "Collect every online camera [env PAX_ALL=true]", null);

    /// <summary>Gets <c>--sink DIR|gs://bucket/prefix</c> / <c>PAX_SINK</c> → <c>Pax:Collection:Sink</c>.</summary>
    public static CollectorFlag Sink { get; } = new("--sink", "PAX_SINK", $"{Section}:{nameof(CollectionOptions.Sink)}", "Where snapshots go: a folder or gs://bucket/prefix [env PAX_SINK; default ./pax-data]", "DIR|gs://bucket/prefix");

    /// <summary>Gets <c>--concurrency N</c> / <c>PAX_CONCURRENCY</c> → <c>Pax:Collection:Concurrency</c>.</summary>
    public static CollectorFlag Concurrency { get; } = new("--concurrency", "PAX_CONCURRENCY", $"{Section}:{nameof(CollectionOptions.Concurrency)}", "Cameras fetched at once [env PAX_CONCURRENCY; default 16]", "N");

    /// <summary>Gets <c>--upload-concurrency N</c> / <c>PAX_UPLOAD_CONCURRENCY</c> → <c>Pax:Collection:UploadConcurrency</c>.</summary>
    public static CollectorFlag UploadConcurrency { get; } = new("--upload-concurrency", "PAX_UPLOAD_CONCURRENCY", $"{Section}:{nameof(CollectionOptions.UploadConcurrency)}", "Snapshots written to the sink at once [env PAX_UPLOAD_CONCURRENCY; default 32]", "N");

    /// <summary>Gets <c>--slot ISO-8601</c> / <c>PAX_SLOT</c> → <c>Pax:Collection:Slot</c>.</summary>
    public static CollectorFlag Slot { get; } = new("--slot", "PAX_SLOT", $"{Section}:{nameof(CollectorJobOptions.Slot)}", "An instant (ISO-8601) in the slot to collect; default: now [env PAX_SLOT]", "ISO-8601");

    /// <summary>Gets <c>--write-manifest FILE</c> / <c>PAX_WRITE_MANIFEST</c> → <c>Pax:Collection:WriteManifest</c>.</summary>
    public static CollectorFlag WriteManifest { get; } = new("--write-manifest", "PAX_WRITE_MANIFEST", $"{Section}:{nameof(CollectorJobOptions.WriteManifest)}", "Write a manifest of the selected cameras to FILE and exit [env PAX_WRITE_MANIFEST]", "FILE");

    /// <summary>Gets <c>--min-stored-ratio R</c> / <c>PAX_MIN_STORED_RATIO</c> → <c>Pax:Collection:MinStoredRatio</c>.</summary>
    public static CollectorFlag MinStoredRatio { get; } = new("--min-stored-ratio", "PAX_MIN_STORED_RATIO", $"{Section}:{nameof(CollectionOptions.MinStoredRatio)}", "Exit non-zero when fewer than this share of eligible cameras end stored [env PAX_MIN_STORED_RATIO; default 0.9]", "0..1");

    /// <summary>Gets <c>--deadline T</c> / <c>PAX_DEADLINE</c> → <c>Pax:Collection:Deadline</c>.</summary>
    public static CollectorFlag Deadline { get; } = new("--deadline", "PAX_DEADLINE", $"{Section}:{nameof(CollectionOptions.Deadline)}", "Stop starting fetches after this long, e.g. 00:08:00 [env PAX_DEADLINE; default 8 minutes]", "TIMESPAN");

    /// <summary>Gets <c>--completion-topic TOPIC</c> / <c>PAX_COMPLETION_TOPIC</c> → <c>Pax:Collection:CompletionTopic</c>.</summary>
    public static CollectorFlag CompletionTopic { get; } = new("--completion-topic", "PAX_COMPLETION_TOPIC", $"{Section}:{nameof(CollectionOptions.CompletionTopic)}", "Publish the run's completion (processor collector/{task index}, run key = slot) to this Pub/Sub topic, projects/P/topics/T [env PAX_COMPLETION_TOPIC]", "TOPIC");

    /// <summary>Gets <c>--completion-phase NAME</c> / <c>PAX_COMPLETION_PHASE</c> → <c>Pax:Collection:CompletionPhase</c>.</summary>
    public static CollectorFlag CompletionPhase { get; } = new("--completion-phase", "PAX_COMPLETION_PHASE", $"{Section}:{nameof(CollectionOptions.CompletionPhase)}", "Phase named in the completion message [env PAX_COMPLETION_PHASE]", "NAME");

    /// <summary>Gets every flag, in the order help lists them.</summary>
    public static IReadOnlyList<CollectorFlag> All { get; } =
    [
        CameraApi, Area, Manifest, AllOnline, Sink, Concurrency, UploadConcurrency, Slot, WriteManifest, MinStoredRatio, Deadline, CompletionTopic, CompletionPhase,
    ];

    private const string Section = CollectionOptions.SectionName;
}
