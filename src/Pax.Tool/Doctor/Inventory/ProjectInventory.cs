using Pax.GoogleCloud.Eventarc;
using Pax.GoogleCloud.Functions;
using Pax.GoogleCloud.Iam;
using Pax.GoogleCloud.PubSub;
using Pax.GoogleCloud.Scheduler;
using Pax.Tool.Doctor.Findings;

namespace Pax.Tool.Doctor.Inventory;

/// <summary>What was read from the live project; lists whose read failed are empty and the failure is in <see cref="Incomplete"/>.</summary>
internal sealed class ProjectInventory
{
    public required string Project { get; init; }

    public required IReadOnlyList<string> Regions { get; init; }

    public List<SchedulerJob> SchedulerJobs { get; } = [];

    public List<PubSubSubscription> Subscriptions { get; } = [];

    public List<EventarcTrigger> Triggers { get; } = [];

    public List<CloudFunction> Functions { get; } = [];

    public List<ServiceState> Services { get; } = [];

    public List<JobState> Jobs { get; } = [];

    /// <summary>Gets or sets the project's IAM bindings, <see langword="null"/> when they could not be read.</summary>
    public IReadOnlyList<IamRoleBinding>? ProjectBindings { get; set; }

    /// <summary>Gets the project's folders and organization, nearest first, each with its bindings when they could be read.</summary>
    public List<AncestorPolicy> Ancestors { get; } = [];

    /// <summary>Gets or sets what of the project's ancestry could not be read (such as "the project's parent (…)"), or <see langword="null"/> when all of it was.</summary>
    public string? AncestryUnknown { get; set; }

    /// <summary>Gets what the live project showed, by resource name.</summary>
    public Dictionary<string, LiveEvidence> Evidence { get; } = new(StringComparer.Ordinal);

    /// <summary>Gets the regions whose Cloud Run services could be listed (a URL of another region's service is unknown, not wrong).</summary>
    public HashSet<string> RegionsWithServices { get; } = new(StringComparer.Ordinal);

    public List<IncompleteCheck> Incomplete { get; } = [];
}
