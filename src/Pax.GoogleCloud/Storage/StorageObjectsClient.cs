using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Options;
using Pax.GoogleCloud.Internal;
using Pax.GoogleCloud.Internal.Errors;

namespace Pax.GoogleCloud.Storage;

/// <summary>
/// Cloud Storage objects over the JSON API (cloud.google.com/storage/docs/json_api/v1/objects): insert, get,
/// download and list. A typed client: resolve it from DI after <c>services.AddPaxGoogleCloud()</c>, which puts the
/// bearer token and Google's retry rules in front of it. Reads are retried on transient failures; an insert only
/// when <see cref="InsertObjectOptions.IfGenerationMatch"/> makes it idempotent. Data is checked with CRC32C both ways.
/// Failures throw <see cref="GoogleApiException"/> (with the permission and role to grant on 401/403),
/// <see cref="StorageDataCorruptionException"/>, <see cref="HttpRequestException"/> when the network kept failing, or
/// <see cref="TimeoutException"/> when the configured timeouts ran out.
/// </summary>
public sealed partial class StorageObjectsClient
{
    private readonly GoogleServiceEndpoint _endpoint;
    private readonly GoogleRestTransport _transport;

    /// <summary>Initializes a client. Use the instance DI gives: a plain <see cref="HttpClient"/> has no credentials and no retries.</summary>
    /// <param name="httpClient">The HTTP client configured by <c>AddPaxGoogleCloud</c>.</param>
    /// <param name="options">The endpoint and retry options.</param>
    public StorageObjectsClient(HttpClient httpClient, IOptions<GoogleCloudOptions> options)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        _endpoint = GoogleServiceEndpoint.ForStorage(options.Value);
        _transport = new GoogleRestTransport(httpClient, _endpoint);
    }

    /// <summary>Gets the endpoint requests go to, such as <c>https://storage.googleapis.com/</c>.</summary>
    public Uri Endpoint => _endpoint.BaseAddress;

    /// <summary>Gets a value indicating whether the endpoint is an emulator (<c>STORAGE_EMULATOR_HOST</c>), reached without credentials.</summary>
    public bool UsesEmulator => _endpoint.IsEmulator;

    private static string ObjectPath(string bucket, string name) =>
        $"storage/v1/b/{Uri.EscapeDataString(bucket)}/o/{Uri.EscapeDataString(name)}";

    private HttpRequestMessage CreateRequest(HttpMethod method, string pathAndQuery, bool retryable) =>
        _transport.CreateRequest(method, pathAndQuery, retryable);

    private Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, GoogleOperation operation, CancellationToken cancellationToken) =>
        _transport.SendAsync(request, operation, cancellationToken);

    private static Task<T> ReadJsonAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> typeInfo, GoogleOperation operation, CancellationToken cancellationToken)
        where T : class => GoogleRestTransport.ReadJsonAsync(response, typeInfo, operation, cancellationToken);
}
