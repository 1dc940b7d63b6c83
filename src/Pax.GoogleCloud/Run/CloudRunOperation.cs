namespace Pax.GoogleCloud.Run;

/// <summary>The long-running operation <c>jobs:run</c> answers with; Pax does not wait for it (an execution can run for hours).</summary>
internal sealed class CloudRunOperation
{
    /// <summary>Gets or sets the operation's name: <c>projects/{p}/locations/{l}/operations/{id}</c>.</summary>
    public string? Name { get; set; }

    /// <summary>Gets or sets whether the operation has finished.</summary>
    public bool? Done { get; set; }
}
