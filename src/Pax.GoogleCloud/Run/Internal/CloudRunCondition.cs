namespace Pax.GoogleCloud.Run.Internal;

/// <summary>
/// A status condition of a Cloud Run v2 resource (<c>google.cloud.run.v2.Condition</c>;
/// cloud.google.com/run/docs/reference/rest/v2/Condition), reduced to what Pax reads: its <see cref="Type"/>,
/// <see cref="State"/> and <see cref="Message"/>.
/// </summary>
internal sealed class CloudRunCondition
{
    /// <summary>The type of an execution's ready condition (gcloud: <c>googlecloudsdk/api_lib/run/execution.py</c>, <c>READY_CONDITION = 'Completed'</c>).</summary>
    public const string Completed = "Completed";

    /// <summary>"Terminal state: Reconciliation completed successfully."</summary>
    public const string Succeeded = "CONDITION_SUCCEEDED";

    /// <summary>"Terminal state: Reconciliation did not succeed."</summary>
    public const string Failed = "CONDITION_FAILED";

    /// <summary>Gets or sets the type, such as <c>Completed</c>, <c>Started</c> or <c>ResourcesAvailable</c> for an execution.</summary>
    public string? Type { get; set; }

    /// <summary>Gets or sets the state: <c>CONDITION_PENDING</c>, <c>CONDITION_RECONCILING</c>, <c>CONDITION_FAILED</c> or <c>CONDITION_SUCCEEDED</c>.</summary>
    public string? State { get; set; }

    /// <summary>Gets or sets the message: "Human readable message indicating details about the current status", such as why an execution failed.</summary>
    public string? Message { get; set; }
}
