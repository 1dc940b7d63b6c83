namespace Pax.GoogleCloud.Eventarc;

/// <summary>An Eventarc trigger as listed (the fields Pax reads).</summary>
/// <param name="Name">The resource name: <c>projects/P/locations/R/triggers/T</c>.</param>
/// <param name="ServiceAccount">The service account whose ID token Eventarc sends, or <see langword="null"/> when none is set.</param>
/// <param name="CloudRunService">The destination service <c>projects/P/locations/R/services/S</c>, or <see langword="null"/> for another kind of destination.</param>
/// <param name="Subscription">The Pub/Sub subscription Eventarc manages for the trigger, or <see langword="null"/>.</param>
internal sealed record EventarcTrigger(string Name, string? ServiceAccount, string? CloudRunService, string? Subscription);
