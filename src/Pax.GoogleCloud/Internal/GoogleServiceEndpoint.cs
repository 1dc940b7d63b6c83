using System.Diagnostics.CodeAnalysis;

namespace Pax.GoogleCloud.Internal;

/// <summary>Where a client sends its requests, and whether they go anonymously (emulators).</summary>
/// <param name="BaseAddress">The endpoint's root, ending with '/'.</param>
/// <param name="IsEmulator">Whether the endpoint is an emulator reached without credentials.</param>
internal sealed record GoogleServiceEndpoint(Uri BaseAddress, bool IsEmulator)
{
    /// <summary>Resolves the Firestore endpoint: explicit endpoint, then the emulator host, then Google's.</summary>
    public static GoogleServiceEndpoint ForFirestore(GoogleCloudOptions options) =>
        Resolve(options, options.FirestoreEndpoint, options.FirestoreEmulatorHost, "FirestoreEmulatorHost", GoogleCloudOptions.DefaultFirestoreEndpoint);

    /// <summary>Resolves the Pub/Sub endpoint: explicit endpoint, then the emulator host, then Google's.</summary>
    public static GoogleServiceEndpoint ForPubSub(GoogleCloudOptions options) =>
        Resolve(options, options.PubSubEndpoint, options.PubSubEmulatorHost, "PubSubEmulatorHost", GoogleCloudOptions.DefaultPubSubEndpoint);

    /// <summary>Resolves the Cloud Run Admin API endpoint: explicit endpoint, then Google's (there is no emulator).</summary>
    public static GoogleServiceEndpoint ForCloudRun(GoogleCloudOptions options) =>
        Resolve(options, options.CloudRunEndpoint, null, "CloudRunEndpoint", GoogleCloudOptions.DefaultCloudRunEndpoint);

    /// <summary>Resolves the Cloud Scheduler endpoint: explicit endpoint, then Google's (there is no emulator).</summary>
    public static GoogleServiceEndpoint ForCloudScheduler(GoogleCloudOptions options) =>
        Resolve(options, options.CloudSchedulerEndpoint, null, "CloudSchedulerEndpoint", GoogleCloudOptions.DefaultCloudSchedulerEndpoint);

    /// <summary>Resolves the Cloud Resource Manager endpoint: explicit endpoint, then Google's (there is no emulator).</summary>
    public static GoogleServiceEndpoint ForCloudResourceManager(GoogleCloudOptions options) =>
        Resolve(options, options.CloudResourceManagerEndpoint, null, "CloudResourceManagerEndpoint", GoogleCloudOptions.DefaultCloudResourceManagerEndpoint);

    /// <summary>Resolves the Eventarc endpoint: explicit endpoint, then Google's (there is no emulator).</summary>
    public static GoogleServiceEndpoint ForEventarc(GoogleCloudOptions options) =>
        Resolve(options, options.EventarcEndpoint, null, "EventarcEndpoint", GoogleCloudOptions.DefaultEventarcEndpoint);

    /// <summary>Resolves the Cloud Functions endpoint: explicit endpoint, then Google's (there is no emulator).</summary>
    public static GoogleServiceEndpoint ForCloudFunctions(GoogleCloudOptions options) =>
        Resolve(options, options.CloudFunctionsEndpoint, null, "CloudFunctionsEndpoint", GoogleCloudOptions.DefaultCloudFunctionsEndpoint);

    /// <summary>Resolves the Cloud Monitoring endpoint: the override, then Google's (there is no emulator).</summary>
    public static GoogleServiceEndpoint ForMonitoring(GoogleCloudOptions options) =>
        Resolve(options, options.MonitoringEndpoint, null, "MonitoringEndpoint", GoogleCloudOptions.DefaultMonitoringEndpoint);

    private static GoogleServiceEndpoint Resolve(GoogleCloudOptions options, Uri? endpoint, string? emulatorHost, string emulatorKey, Uri defaultEndpoint)
    {
        if (endpoint is not null)
        {
            // A loopback http:// override from CLOUDSDK_API_ENDPOINT_OVERRIDES_<API> goes without a token, like an emulator.
            var anonymous = options.AnonymousEndpoints.Contains(endpoint) && GoogleApiEndpointOverrides.IsLoopbackHttp(endpoint);
            return new GoogleServiceEndpoint(WithTrailingSlash(endpoint), IsEmulator: anonymous);
        }

        if (!string.IsNullOrWhiteSpace(emulatorHost))
        {
            return TryParseEmulatorHost(emulatorHost, out var emulator)
                ? new GoogleServiceEndpoint(emulator, IsEmulator: true)
                : throw new InvalidOperationException($"{GoogleCloudOptions.SectionName}:{emulatorKey} '{emulatorHost}' is not host:port or an http(s) URL.");
        }

        return new GoogleServiceEndpoint(defaultEndpoint, IsEmulator: false);
    }

    /// <summary>Parses an emulator address given as <c>host:port</c> or <c>http(s)://host:port</c>, as Google's clients accept it.</summary>
    public static bool TryParseEmulatorHost(string value, [NotNullWhen(true)] out Uri? baseAddress)
    {
        var text = value.Trim();
        if (!text.Contains("://", StringComparison.Ordinal))
        {
            text = "http://" + text;
        }

        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && IsHttp(uri) && uri.AbsolutePath == "/"
            && uri.Query.Length == 0 && uri.Fragment.Length == 0 && uri.UserInfo.Length == 0)
        {
            baseAddress = uri;
            return true;
        }

        baseAddress = null;
        return false;
    }

    /// <summary>Returns whether <paramref name="uri"/> is an absolute http or https URI.</summary>
    public static bool IsHttp(Uri uri) =>
        uri.IsAbsoluteUri && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    /// <summary>Builds an absolute request URI from a path and query that start with '/'.</summary>
    public Uri Resolve(string pathAndQuery) => new(BaseAddress.AbsoluteUri + pathAndQuery.TrimStart('/'));

    private static Uri WithTrailingSlash(Uri uri) =>
        uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
}
