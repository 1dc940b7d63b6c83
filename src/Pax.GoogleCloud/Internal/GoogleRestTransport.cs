using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Pax.GoogleCloud.Http;
using Pax.GoogleCloud.Internal.Errors;
using Polly.Timeout;

namespace Pax.GoogleCloud.Internal;

/// <summary>
/// What the JSON clients (Firestore, Pub/Sub, Cloud Run) share: building a request to their endpoint with the
/// retry and anonymity marks, sending it, and reading JSON or turning a failure into <see cref="GoogleApiException"/>.
/// </summary>
internal sealed class GoogleRestTransport
{
    private readonly HttpClient _httpClient;

    public GoogleRestTransport(HttpClient httpClient, GoogleServiceEndpoint endpoint, string? emulatorBearerToken = null)
    {
        _httpClient = httpClient;
        Endpoint = endpoint;
        EmulatorBearerToken = emulatorBearerToken;
    }

    public GoogleServiceEndpoint Endpoint { get; }

    private string? EmulatorBearerToken { get; }

    public async Task<TResponse> SendJsonAsync<TRequest, TResponse>(
        HttpMethod method,
        string pathAndQuery,
        TRequest body,
        JsonTypeInfo<TRequest> requestType,
        JsonTypeInfo<TResponse> responseType,
        GoogleOperation operation,
        bool retryable,
        CancellationToken cancellationToken)
        where TResponse : class
    {
        using var request = CreateRequest(method, pathAndQuery, retryable);
        request.Content = JsonContent.Create(body, requestType);
        using var response = await SendAsync(request, operation, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw await GoogleApiExceptionFactory.CreateAsync(response, operation, cancellationToken).ConfigureAwait(false);
        }

        return await ReadJsonAsync(response, responseType, operation, cancellationToken).ConfigureAwait(false);
    }

    public async Task<TResponse?> GetJsonOrNullAsync<TResponse>(string pathAndQuery, JsonTypeInfo<TResponse> responseType, GoogleOperation operation, CancellationToken cancellationToken)
        where TResponse : class
    {
        using var request = CreateRequest(HttpMethod.Get, pathAndQuery, retryable: true);
        using var response = await SendAsync(request, operation, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        if (!response.IsSuccessStatusCode)
        {
            throw await GoogleApiExceptionFactory.CreateAsync(response, operation, cancellationToken).ConfigureAwait(false);
        }

        return await ReadJsonAsync(response, responseType, operation, cancellationToken).ConfigureAwait(false);
    }

    public HttpRequestMessage CreateRequest(HttpMethod method, string pathAndQuery, bool retryable)
    {
        var request = new HttpRequestMessage(method, Endpoint.Resolve(pathAndQuery));
        request.Options.Set(GoogleRequestOptionKeys.Retryable, retryable);
        request.Options.Set(GoogleRequestOptionKeys.Anonymous, Endpoint.IsEmulator);
        if (Endpoint.IsEmulator && EmulatorBearerToken is not null)
        {
            request.Options.Set(GoogleRequestOptionKeys.EmulatorBearerToken, EmulatorBearerToken);
        }

        return request;
    }

    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, GoogleOperation operation, CancellationToken cancellationToken)
    {
        try
        {
            return await _httpClient.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutRejectedException ex)
        {
            throw new TimeoutException(
                $"{operation} did not complete within {GoogleCloudOptions.SectionName}:Retry:AttemptTimeout / TotalTimeout.", ex);
        }
    }

    public static async Task<T> ReadJsonAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> typeInfo, GoogleOperation operation, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            var value = await response.Content.ReadFromJsonAsync(typeInfo, cancellationToken).ConfigureAwait(false);
            return value ?? throw InvalidResponse(response.StatusCode, operation, "the body is empty or null", null);
        }
        catch (JsonException ex)
        {
            throw InvalidResponse(response.StatusCode, operation, ex.Message, ex);
        }
    }

    private static GoogleApiException InvalidResponse(HttpStatusCode status, GoogleOperation operation, string problem, Exception? innerException) =>
        new(operation.Api, status, null, null, $"{operation} returned HTTP {(int)status} with a body that is not the expected JSON resource: {problem}", innerException);
}
