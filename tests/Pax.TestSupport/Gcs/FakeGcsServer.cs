using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Pax.TestSupport.Gcs.Internal;

namespace Pax.TestSupport.Gcs;

/// <summary>
/// A loopback Cloud Storage JSON API server (Kestrel on 127.0.0.1, a free port) that behaves like the real API where
/// Pax and Google's .NET client depend on it: resumable uploads (initiation with a possibly gzip-compressed metadata
/// body, <c>PUT</c> chunks with <c>Content-Range</c>, <c>308</c> + <c>Range</c>, status queries <c>bytes */N</c>,
/// finalisation), multipart and media uploads, int64 generations sent as strings, <c>ifGenerationMatch</c> /
/// <c>ifGenerationNotMatch</c> (412, checked at initiation and again at finalisation; a failed finalisation persists
/// nothing), CRC32C/MD5 checks of supplied hashes (400, nothing stored), <c>x-goog-hash</c>, metadata GET,
/// <c>alt=media</c>, list with <c>prefix</c>/<c>maxResults</c>/<c>pageToken</c>, object names as one <c>%2F</c>-encoded
/// path segment, Google error bodies, bearer-token checks (401) and the caller's role (403, including
/// <c>storage.objects.delete</c> to replace an object). What it does not implement it refuses with 400 rather than
/// ignore. Faults can be injected per request; every request is recorded.
/// </summary>
public sealed class FakeGcsServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly FakeGcsStore _store;
    private readonly FakeGcsFaultQueue _faults;
    private readonly FakeGcsRequestLog _log;
    private readonly FakeGcsPermissions _permissions;
    private readonly CancellationTokenSource _stopping;
    private readonly FakeGcsServerOptions _options;
    private Uri? _baseAddress;

    private FakeGcsServer(FakeGcsServerOptions options)
    {
        _options = options;
        _store = new FakeGcsStore();
        _faults = new FakeGcsFaultQueue();
        _log = new FakeGcsRequestLog();
        _permissions = new FakeGcsPermissions(options.Role);
        _stopping = new CancellationTokenSource();
        var handler = new FakeGcsRequestHandler(_store, options, _faults, _log, _permissions, () => BaseAddress, _stopping.Token);

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        _app.Run(handler.HandleAsync);
    }

    /// <summary>Gets the server's root, such as <c>http://127.0.0.1:41234/</c>: the Storage endpoint to configure.</summary>
    public Uri BaseAddress => _baseAddress ?? throw new InvalidOperationException("The server has not started.");

    /// <summary>Gets the bearer token requests must carry, or <see langword="null"/> when anonymous requests are accepted.</summary>
    public string? AccessToken => _options.AccessToken;

    /// <summary>Gets the most requests the server was handling at once so far.</summary>
    public int PeakConcurrentRequests => _log.PeakOpen;

    /// <summary>Gets the requests received so far, in order.</summary>
    public IReadOnlyList<RecordedGcsRequest> Requests => _log.Snapshot();

    /// <summary>Starts a server.</summary>
    /// <param name="options">How it behaves; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running server.</returns>
    public static async Task<FakeGcsServer> StartAsync(FakeGcsServerOptions? options = null, CancellationToken cancellationToken = default)
    {
        var server = new FakeGcsServer(options ?? new FakeGcsServerOptions());
        await server._app.StartAsync(cancellationToken);
        var address = server._app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        server._baseAddress = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    /// <summary>Creates a bucket (requests to other buckets get 404 "The specified bucket does not exist.").</summary>
    /// <param name="bucket">The bucket's name.</param>
    public void CreateBucket(string bucket) => _store.CreateBucket(bucket);

    /// <summary>Gets an object's live version, or <see langword="null"/>.</summary>
    /// <param name="bucket">The bucket.</param>
    /// <param name="name">The object's name.</param>
    /// <returns>The object, or <see langword="null"/>.</returns>
    public FakeGcsObject? GetObject(string bucket, string name) => _store.Get(bucket, name);

    /// <summary>Lists a bucket's objects in name order.</summary>
    /// <param name="bucket">The bucket.</param>
    /// <returns>The objects.</returns>
    public IReadOnlyList<FakeGcsObject> ListObjects(string bucket) => _store.List(bucket, string.Empty);

    /// <summary>Stores an object directly (no request recorded), creating the bucket when needed.</summary>
    /// <param name="bucket">The bucket.</param>
    /// <param name="name">The object's name.</param>
    /// <param name="data">The data.</param>
    /// <param name="contentType">The content type.</param>
    /// <returns>The stored object.</returns>
    public FakeGcsObject PutObject(string bucket, string name, byte[] data, string contentType = "application/octet-stream")
    {
        _store.CreateBucket(bucket);
        var (_, stored) = _store.Commit(bucket, name, null, null, mayReplace: true, generation => new FakeGcsObject(
            bucket, name, generation, 1, contentType, data, new Dictionary<string, string>(), FakeGcsHashes.Crc32c(data), FakeGcsHashes.Md5(data), _options.TimeProvider.GetUtcNow()));
        return stored!;
    }

    /// <summary>Injects <paramref name="fault"/> into the next <paramref name="count"/> requests that match; faults are used in the order enqueued.</summary>
    /// <param name="match">Which requests, such as <c>r =&gt; r.IsUpload</c>.</param>
    /// <param name="fault">The fault.</param>
    /// <param name="count">How many matching requests it hits.</param>
    public void EnqueueFault(Func<RecordedGcsRequest, bool> match, FakeGcsFault fault, int count = 1)
    {
        ArgumentNullException.ThrowIfNull(match);
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        _faults.Enqueue(match, fault, count);
    }

    /// <summary>Changes the caller's role from now on (see <see cref="FakeGcsServerOptions.Role"/>).</summary>
    /// <param name="role">The role.</param>
    public void SetRole(FakeGcsRole role) => _permissions.SetRole(role);

    /// <summary>Refuses a permission (such as <c>storage.objects.create</c>) with 403 and reason <c>forbidden</c>, as for a token whose role lacks it.</summary>
    /// <param name="permission">The IAM permission.</param>
    public void DenyPermission(string permission) => _permissions.Deny(permission);

    /// <summary>Waits until the server has received its <paramref name="number"/>-th request (1-based).</summary>
    /// <param name="number">The request's number.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>That request.</returns>
    public Task<RecordedGcsRequest> WaitForRequestAsync(int number, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        return _log.WaitForAsync(number, cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
    }
}
