namespace Pax.GoogleCloud.Run;

/// <summary>The result of <see cref="CloudRunIamClient.EnsureInvokerAsync"/>.</summary>
/// <param name="Resource">The service or job: <c>projects/P/locations/R/services/S</c> or <c>…/jobs/J</c>.</param>
/// <param name="Member">The member, such as <c>serviceAccount:scheduler@p.iam.gserviceaccount.com</c>.</param>
/// <param name="Changed">
/// <see langword="true"/> when the policy was written to add the binding; <see langword="false"/> when the member already
/// held <c>roles/run.invoker</c> without a condition (nothing was written).
/// </param>
/// <param name="Attempts">How many read-modify-write rounds it took (more than one after etag conflicts).</param>
public sealed record InvokerGrantResult(string Resource, string Member, bool Changed, int Attempts);
