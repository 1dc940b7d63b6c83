namespace Pax.GoogleCloud.Functions;

/// <summary>A Cloud Functions (2nd gen) function as listed: its URL and the Cloud Run service that serves it.</summary>
/// <param name="Name">The resource name: <c>projects/P/locations/R/functions/F</c>.</param>
/// <param name="Url">The function's URL (<c>https://REGION-PROJECT.cloudfunctions.net/F</c>), or <see langword="null"/>.</param>
/// <param name="Service">The Cloud Run service behind it (<c>projects/P/locations/R/services/S</c>), or <see langword="null"/> (1st gen).</param>
internal sealed record CloudFunction(string Name, Uri? Url, string? Service);
