namespace Pax.GoogleCloud.Run;

/// <summary>One page of <c>GET v2/{job}/executions</c> (<c>ListExecutionsResponse</c>).</summary>
internal sealed class CloudRunExecutionList
{
    /// <summary>Gets or sets the executions of this page (empty when the job has none).</summary>
    public List<CloudRunExecution> Executions { get; set; } = [];

    /// <summary>Gets or sets the token of the next page, or <see langword="null"/> on the last page.</summary>
    public string? NextPageToken { get; set; }
}
