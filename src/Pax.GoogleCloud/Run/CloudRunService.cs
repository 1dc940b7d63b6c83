namespace Pax.GoogleCloud.Run;

/// <summary>A Cloud Run service as listed by the Admin API v2.</summary>
/// <param name="Name">The resource name: <c>projects/P/locations/R/services/S</c>.</param>
/// <param name="Urls">Its URLs (<c>uri</c> and <c>urls</c>), such as <c>https://s-abc123-ue.a.run.app</c>.</param>
/// <param name="InvokerIamDisabled">Whether the invoker IAM check is disabled (<c>invokerIamDisabled</c>): anyone can call it.</param>
public sealed record CloudRunService(string Name, IReadOnlyList<Uri> Urls, bool InvokerIamDisabled);
