using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Pax.GoogleCloud.Http.Internal;
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
    private readonly Func<Uri?, GoogleError, GoogleApiException, Exception?>? _translateError;
    private readonly GoogleListLimits _listLimits;

    /// <summary>Initializes a transport.</summary>
    /// <param name="httpClient">The client with Pax's Google handlers.</param>
    /// <param name="endpoint">Where requests go.</param>
    /// <param name="emulatorBearerToken">The fixed token for the emulator, if it wants one.</param>
    /// <param name="translateError">
    /// Turns an API's distinct failures (such as Firestore's missing database) into their own exception from the
    /// request URI, the parsed error and the generic exception; <see langword="null"/> keeps the generic one.
    /// </param>
    /// <param name="listLimits">How much of one list <see cref="ListAllAsync"/> reads; <see cref="GoogleListLimits.Default"/> when <see langword="null"/>.</param>
    public GoogleRestTransport(
        HttpClient httpClient,
        GoogleServiceEndpoint endpoint,
        string? emulatorBearerToken = null,
        Func<Uri?, GoogleError, GoogleApiException, Exception?>? translateError = null,
        GoogleListLimits? listLimits = null)
    {
        _httpClient = httpClient;
        Endpoint = endpoint;
        EmulatorBearerToken = emulatorBearerToken;
        _translateError = translateError;
        _listLimits = listLimits ?? GoogleListLimits.Default;
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
        CancellationToken cancellationToken,
        IReadOnlySet<string>? retryStatuses = null)
        where TResponse : class
    {
        using var request = CreateRequest(method, pathAndQuery, retryable);
        if (retryStatuses is not null)
        {
            request.Options.Set(GoogleRetryStatuses.Key, retryStatuses);
        }

        request.Content = JsonContent.Create(body, requestType);
        using var response = await SendAsync(request, operation, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw await CreateErrorAsync(request, response, operation, cancellationToken).ConfigureAwait(false);
        }

        return await ReadJsonAsync(response, responseType, operation, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Returns the exception for an error <paramref name="error"/> found inside a successful answer (a streamed error element).</summary>
    public Exception Translate(Uri? requestUri, GoogleError error, GoogleApiException exception) =>
        _translateError?.Invoke(requestUri, error, exception) ?? exception;

    public async Task<TResponse?> GetJsonOrNullAsync<TResponse>(string pathAndQuery, JsonTypeInfo<TResponse> responseType, GoogleOperation operation, CancellationToken cancellationToken)
        where TResponse : class
    {
        using var request = CreateRequest(HttpMethod.Get, pathAndQuery, retryable: true);
        using var response = await SendAsync(request, operation, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var error = await CreateErrorAsync(request, response, operation, cancellationToken).ConfigureAwait(false);

            // A 404 is "no such resource" unless the API says it is something else (Firestore: no such database).
            return response.StatusCode == HttpStatusCode.NotFound && error is GoogleApiException ? null : throw error;
        }

        return await ReadJsonAsync(response, responseType, operation, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads a JSON resource; any error answer (404 included) throws.</summary>
    public async Task<TResponse> GetJsonAsync<TResponse>(string pathAndQuery, JsonTypeInfo<TResponse> responseType, GoogleOperation operation, CancellationToken cancellationToken)
        where TResponse : class
    {
        using var request = CreateRequest(HttpMethod.Get, pathAndQuery, retryable: true);
        using var response = await SendAsync(request, operation, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw await CreateErrorAsync(request, response, operation, cancellationToken).ConfigureAwait(false);
        }

        return await ReadJsonAsync(response, responseType, operation, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Reads every page of a list method (AIP-158: <c>pageSize</c>/<c>pageToken</c> in, <c>nextPageToken</c> out, an empty
    /// or absent token on the last page) and returns the items of all pages in order. A token seen twice, or a list longer
    /// than the transport's <see cref="GoogleListLimits"/>, fails the read: such a list would never end.
    /// </summary>
    public async Task<IReadOnlyList<TItem>> ListAllAsync<TPage, TItem>(
        string path, int pageSize, JsonTypeInfo<TPage> pageType, Func<TPage, IEnumerable<TItem>?> items, Func<TPage, string?> nextPageToken,
        GoogleOperation operation, CancellationToken cancellationToken)
        where TPage : class
    {
        var all = new List<TItem>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? token = null;
        var pages = 0;
        var separator = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        do
        {
            if (pages >= _listLimits.MaxPages || all.Count >= _listLimits.MaxItems)
            {
                throw new GoogleApiException(
                    operation.Api, HttpStatusCode.OK, null, GoogleListLimits.Reason,
                    $"{operation}: the list was cut after {pages} page(s) and {all.Count} item(s), the most read of one list ({_listLimits.MaxPages} pages, {_listLimits.MaxItems} items); every page still named a next one.");
            }

            var query = $"{separator}pageSize={pageSize}" + (token is null ? string.Empty : $"&pageToken={Uri.EscapeDataString(token)}");
            var page = await GetJsonAsync(path + query, pageType, operation, cancellationToken).ConfigureAwait(false);
            pages++;
            all.AddRange(items(page) ?? []);
            token = nextPageToken(page) is { Length: > 0 } next ? next : null;
            if (token is not null && !seen.Add(token))
            {
                throw new GoogleApiException(operation.Api, HttpStatusCode.OK, null, null, $"{operation} returned the page token '{token}' twice; the listing would never end.");
            }
        }
        while (token is not null);
        return all;
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

    private async Task<Exception> CreateErrorAsync(HttpRequestMessage request, HttpResponseMessage response, GoogleOperation operation, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var error = GoogleErrorParser.Parse(body);
        return Translate(request.RequestUri, error, GoogleApiExceptionFactory.Create(response.StatusCode, error, operation));
    }

    private static GoogleApiException InvalidResponse(HttpStatusCode status, GoogleOperation operation, string problem, Exception? innerException) =>
        new(operation.Api, status, null, null, $"{operation} returned HTTP {(int)status} with a body that is not the expected JSON resource: {problem}", innerException);
}
