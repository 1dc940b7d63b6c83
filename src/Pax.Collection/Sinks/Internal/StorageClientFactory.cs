using Google.Cloud.Storage.V1;
using Pax.Collection.Runs;
using Pax.GoogleCloud;

namespace Pax.Collection.Sinks.Internal;

/// <summary>
/// Builds the <see cref="StorageClient"/> <c>AddPaxCollection</c> registers when the application registered none:
/// Application Default Credentials against Google's endpoint; an explicit endpoint
/// (<see cref="GoogleCloudOptions.StorageEndpoint"/>, authenticated); or the emulator named by
/// <c>STORAGE_EMULATOR_HOST</c> (<see cref="GoogleCloudOptions.StorageEmulatorHost"/>), reached without credentials.
/// </summary>
/// <remarks>
/// The emulator variable holds a host (<c>http://127.0.0.1:4443</c> or <c>127.0.0.1:4443</c>), as gcloud and Google's
/// Go, Python and Node clients read it. Google.Cloud.Storage.V1's own <c>EmulatorDetection</c> would use it as the
/// base URI, sending JSON calls to <c>{host}/b/…</c> instead of <c>{host}/storage/v1/b/…</c> (FACTS §2.x), so the
/// builder is given <c>BaseUri = {host}/storage/v1/</c> instead; uploads then go to <c>{host}/upload/storage/v1/…</c>.
/// </remarks>
internal static class StorageClientFactory
{
    private const string JsonApiPath = "storage/v1/";

    /// <exception cref="CollectionFailedException">No endpoint or emulator is configured and Application Default Credentials are missing.</exception>
    public static StorageClient Create(GoogleCloudOptions options)
    {
        if (options.StorageEndpoint is { } endpoint)
        {
            return new StorageClientBuilder { BaseUri = JsonApiBase(endpoint) }.Build();
        }

        if (!string.IsNullOrWhiteSpace(options.StorageEmulatorHost))
        {
            var host = ParseEmulatorHost(options.StorageEmulatorHost);
            return new StorageClientBuilder { BaseUri = JsonApiBase(host), UnauthenticatedAccess = true }.Build();
        }

        try
        {
            return new StorageClientBuilder().Build();
        }
        catch (InvalidOperationException ex)
        {
            // Google.Apis.Auth: "Your default credentials were not found." A setup mistake, not a bug: say what to set.
            throw new CollectionFailedException(
                $"No Cloud Storage credentials: {ex.Message} Run 'gcloud auth application-default login', set GOOGLE_APPLICATION_CREDENTIALS, "
                + "register your own StorageClient, or point STORAGE_EMULATOR_HOST at an emulator.",
                ex);
        }
    }

    /// <summary>Parses <c>host:port</c> or <c>http(s)://host:port</c> (no path), as Google's other clients accept it.</summary>
    /// <exception cref="InvalidOperationException">The value is neither.</exception>
    public static Uri ParseEmulatorHost(string value)
    {
        var text = value.Trim();
        if (!text.Contains("://", StringComparison.Ordinal))
        {
            text = "http://" + text;
        }

        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.AbsolutePath == "/" && uri.Query.Length == 0
            ? uri
            : throw new InvalidOperationException($"STORAGE_EMULATOR_HOST ({GoogleCloudOptions.SectionName}:StorageEmulatorHost) '{value}' is not host:port or an http(s) URL without a path.");
    }

    private static string JsonApiBase(Uri root) => root.AbsoluteUri.TrimEnd('/') + "/" + JsonApiPath;
}
