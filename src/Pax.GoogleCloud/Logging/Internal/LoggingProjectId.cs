using System.Net.Http.Headers;

namespace Pax.GoogleCloud.Logging.Internal;

/// <summary>
/// The project id the Cloud Logging JSON logger names in <c>logging.googleapis.com/trace</c>
/// (<c>projects/{project}/traces/{traceId}</c>), resolved once per process and cached: <c>GOOGLE_CLOUD_PROJECT</c> when
/// set; else, on Google's serverless runtimes (<c>K_SERVICE</c>, <c>CLOUD_RUN_JOB</c>), one background request to the
/// metadata server's <c>project/project-id</c>, sent when a line first needs the project (the first line written inside a
/// trace), not when the logger is built: the request loads the HTTP stack and, at a cold start, took about 25 ms from a
/// process that had not yet answered its first request (README › Benchmarks › Cold start). Until (or unless) it is known,
/// <see cref="Value"/> is <see langword="null"/> and the logger leaves the trace field out rather than guess; a log line
/// never waits for it.
/// </summary>
internal sealed class LoggingProjectId
{
    /// <summary>The variable Google's client libraries and Pax's stores read the project id from.</summary>
    public const string ProjectVariable = "GOOGLE_CLOUD_PROJECT";

    /// <summary>Points the metadata requests at another host, as Google's auth libraries read it (<c>GCE_METADATA_HOST</c>).</summary>
    public const string MetadataHostVariable = "GCE_METADATA_HOST";

    /// <summary>The metadata server's name on Cloud Run, Cloud Run functions and Compute Engine.</summary>
    public const string DefaultMetadataHost = "metadata.google.internal";

    private static readonly TimeSpan MetadataTimeout = TimeSpan.FromSeconds(5);
    private static readonly Lazy<LoggingProjectId> ForThisProcess = new(() => FromEnvironment(Environment.GetEnvironmentVariable, () => new SocketsHttpHandler { UseProxy = false, ConnectTimeout = MetadataTimeout }));

    private readonly string? _metadataHost;
    private readonly Func<HttpMessageHandler>? _createHandler;
    private volatile string? _value;
    private Task? _resolution;

    private LoggingProjectId(string? value, string? metadataHost = null, Func<HttpMessageHandler>? createHandler = null)
    {
        _value = value;
        _metadataHost = metadataHost;
        _createHandler = createHandler;
    }

    /// <summary>Gets the project id, or <see langword="null"/> while it is unknown; the first read sends the metadata request when there is one to send.</summary>
    public string? Value
    {
        get
        {
            if (_createHandler is not null && Volatile.Read(ref _resolution) is null)
            {
                Resolve();
            }

            return _value;
        }
    }

    /// <summary>Gets the background metadata request, once <see cref="Value"/> has been read (completed when there is none, or none yet); it never faults.</summary>
    public Task Resolution => Volatile.Read(ref _resolution) ?? Task.CompletedTask;

    /// <summary>Gets the process's resolver (built on first use).</summary>
    public static LoggingProjectId Process => ForThisProcess.Value;

    /// <summary>A fixed project id (or none).</summary>
    public static LoggingProjectId Known(string? projectId) => new(Normalize(projectId));

    /// <summary>Resolves from <paramref name="getVariable"/> and, on Google's runtimes, the metadata server through <paramref name="handler"/> (disposed when done).</summary>
    public static LoggingProjectId FromEnvironment(Func<string, string?> getVariable, HttpMessageHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var resolver = FromEnvironment(getVariable, () => handler);
        if (resolver._createHandler is null)
        {
            handler.Dispose();
        }

        return resolver;
    }

    // The handler is built with the request: the process's resolver loads nothing of the HTTP stack before it asks.
    private static LoggingProjectId FromEnvironment(Func<string, string?> getVariable, Func<HttpMessageHandler> createHandler)
    {
        ArgumentNullException.ThrowIfNull(getVariable);
        if (Normalize(getVariable(ProjectVariable)) is { } project)
        {
            return Known(project);
        }

        // Cloud Run services set K_SERVICE, Cloud Run jobs CLOUD_RUN_JOB (cloud.google.com/run/docs/container-contract#env-vars);
        // elsewhere (a laptop, CI) there is no metadata server to ask.
        if (string.IsNullOrEmpty(getVariable("K_SERVICE")) && string.IsNullOrEmpty(getVariable("CLOUD_RUN_JOB")))
        {
            return Known(null);
        }

        var host = Normalize(getVariable(MetadataHostVariable)) ?? DefaultMetadataHost;
        return new LoggingProjectId(null, host, createHandler);
    }

    // One request per process, on the thread pool: the first reader starts it, every reader goes on without waiting.
    private void Resolve()
    {
        var completion = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (Interlocked.CompareExchange(ref _resolution, completion.Task, null) is not null)
        {
            return;
        }

        _ = Task.Run(async () =>
        {
            HttpMessageHandler? handler = null;
            try
            {
                handler = _createHandler!();
                _value = await ReadFromMetadataAsync(_metadataHost!, handler).ConfigureAwait(false);
            }
            finally
            {
                handler?.Dispose();
                completion.TrySetResult();
            }
        });
    }

    // GET http://metadata.google.internal/computeMetadata/v1/project/project-id with "Metadata-Flavor: Google" answers
    // the project id as plain text; without the header the server answers 403
    // (cloud.google.com/compute/docs/metadata/querying-metadata, .../predefined-metadata-keys#project-metadata).
    private static async Task<string?> ReadFromMetadataAsync(string host, HttpMessageHandler handler)
    {
        try
        {
            using var client = new HttpClient(handler, disposeHandler: false) { Timeout = MetadataTimeout };
            var address = new Uri($"http://{host.Replace("http://", string.Empty, StringComparison.Ordinal).TrimEnd('/')}/computeMetadata/v1/project/project-id");
            using var request = new HttpRequestMessage(HttpMethod.Get, address);
            request.Headers.Add("Metadata-Flavor", "Google");
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/plain"));
            using var response = await client.SendAsync(request).ConfigureAwait(false);
            return response.IsSuccessStatusCode ? Normalize(await response.Content.ReadAsStringAsync().ConfigureAwait(false)) : null;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or UriFormatException or InvalidOperationException)
        {
            return null;
        }
    }

    // A project id is 6-30 lower-case letters, digits and hyphens (older ones may carry a domain: "example.com:proj");
    // anything with white space or a slash would break the resource name, so it counts as unknown.
    private static string? Normalize(string? projectId)
    {
        var trimmed = projectId?.Trim();
        return string.IsNullOrEmpty(trimmed) || trimmed.Length > 100 || trimmed.Any(c => char.IsWhiteSpace(c) || c == '/') ? null : trimmed;
    }
}
