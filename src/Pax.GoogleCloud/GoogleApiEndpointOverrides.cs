using System.Net;

namespace Pax.GoogleCloud;

/// <summary>
/// gcloud's own endpoint variables, <c>CLOUDSDK_API_ENDPOINT_OVERRIDES_&lt;API&gt;</c> (gcloud's
/// <c>api_endpoint_overrides/&lt;api&gt;</c> property; cloud.google.com/sdk/gcloud/reference/topic/configurations):
/// the value replaces <c>https://&lt;api&gt;.googleapis.com/</c> for every Pax client of that API. Read for <c>RUN</c>,
/// <c>CLOUDSCHEDULER</c>, <c>PUBSUB</c>, <c>FIRESTORE</c>, <c>CLOUDRESOURCEMANAGER</c>, <c>EVENTARC</c>, <c>CLOUDFUNCTIONS</c> and
/// <c>MONITORING</c> (read by <c>pax doctor</c> only); an endpoint set in
/// <see cref="GoogleCloudOptions"/> (configuration or code) wins over the variable. When the value is a loopback
/// <c>http://</c> URL (<c>127.0.0.0/8</c>, <c>::1</c>, <c>localhost</c>) requests go there without an access token and
/// no token is fetched, as with the emulator variables; any other value must be <c>https://</c> (an access token never
/// travels over plain http), else the options fail to build with the variable named.
/// </summary>
public static class GoogleApiEndpointOverrides
{
    /// <summary>The prefix of the variables: <c>CLOUDSDK_API_ENDPOINT_OVERRIDES_</c>, followed by the API's name in upper case.</summary>
    public const string VariablePrefix = "CLOUDSDK_API_ENDPOINT_OVERRIDES_";

    /// <summary>
    /// Sets each endpoint of <paramref name="options"/> that is not set yet from its override variable, and marks a
    /// loopback <c>http://</c> override as reached without credentials.
    /// </summary>
    /// <param name="options">The options to fill.</param>
    /// <param name="getVariable">Returns an environment variable's value, or <see langword="null"/>.</param>
    /// <exception cref="InvalidOperationException">A variable's value is not an absolute http(s) URL without query or fragment.</exception>
    public static void Apply(GoogleCloudOptions options, Func<string, string?> getVariable)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(getVariable);
        options.CloudRunEndpoint = Fill(options, options.CloudRunEndpoint, "RUN", getVariable);
        options.CloudSchedulerEndpoint = Fill(options, options.CloudSchedulerEndpoint, "CLOUDSCHEDULER", getVariable);
        options.PubSubEndpoint = Fill(options, options.PubSubEndpoint, "PUBSUB", getVariable);
        options.FirestoreEndpoint = Fill(options, options.FirestoreEndpoint, "FIRESTORE", getVariable);
        options.CloudResourceManagerEndpoint = Fill(options, options.CloudResourceManagerEndpoint, "CLOUDRESOURCEMANAGER", getVariable);
        options.EventarcEndpoint = Fill(options, options.EventarcEndpoint, "EVENTARC", getVariable);
        options.CloudFunctionsEndpoint = Fill(options, options.CloudFunctionsEndpoint, "CLOUDFUNCTIONS", getVariable);
        options.MonitoringEndpoint = Fill(options, options.MonitoringEndpoint, "MONITORING", getVariable);
    }

    /// <summary>Returns whether <paramref name="endpoint"/> is a plain-http URL on this machine (<c>127.0.0.0/8</c>, <c>::1</c>, <c>localhost</c>).</summary>
    /// <param name="endpoint">The endpoint.</param>
    /// <returns><see langword="true"/> for a loopback http URL.</returns>
    public static bool IsLoopbackHttp(Uri endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return endpoint.IsAbsoluteUri && endpoint.Scheme == Uri.UriSchemeHttp
            && (string.Equals(endpoint.Host, "localhost", StringComparison.OrdinalIgnoreCase)
                || (IPAddress.TryParse(endpoint.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address)));
    }

    private static Uri? Fill(GoogleCloudOptions options, Uri? current, string api, Func<string, string?> getVariable)
    {
        if (current is not null)
        {
            return current;
        }

        var variable = VariablePrefix + api;
        var value = getVariable(variable);
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var endpoint)
            || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps)
            || endpoint.Query.Length > 0 || endpoint.Fragment.Length > 0 || endpoint.UserInfo.Length > 0)
        {
            throw new InvalidOperationException(
                $"{variable} '{value}' is not an absolute http(s) URL without user info, query or fragment, such as https://run.googleapis.com/ or http://127.0.0.1:8080/.");
        }

        if (IsLoopbackHttp(endpoint))
        {
            options.AnonymousEndpoints.Add(endpoint);
        }
        else if (endpoint.Scheme != Uri.UriSchemeHttps)
        {
            // An access token never travels over plain http: only a loopback endpoint (an emulator, a fake) may be http,
            // and it gets no token.
            throw new InvalidOperationException(
                $"{variable} '{value}' is plain http to a host that is not loopback: Pax would send it an access token unencrypted. Use https, or a loopback http endpoint (which gets no token).");
        }

        return endpoint;
    }
}
