using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Pax.CameraSimulator.Internal;
using Pax.Collection.Cameras;

namespace Pax.CameraSimulator;

/// <summary>
/// A running NYCTMC-compatible camera server (Kestrel): <c>GET /api/cameras</c> and <c>GET /api/cameras/{id}/image</c>,
/// with the cameras, images and faults of its <see cref="CameraSimulatorOptions"/>. Host it in-process with
/// <see cref="StartAsync"/> and dispose it to stop it.
/// </summary>
public sealed class CameraSimulatorServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly SimulatorState _state;

    private CameraSimulatorServer(WebApplication app, SimulatorState state, Uri baseAddress)
    {
        _app = app;
        _state = state;
        BaseAddress = baseAddress;
        Cameras = [.. state.Cameras.Select(c => SimulatorState.WithImageUrl(c.Camera, baseAddress.GetLeftPart(UriPartial.Authority)))];
        StaleCameraIds = state.Cameras.Where(c => c.IsStale).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Gets the address clients use, ending in '/' (a wildcard bind address is reported as 127.0.0.1).</summary>
    public Uri BaseAddress { get; }

    /// <summary>Gets the cameras the list serves, in list order, with their image URLs on <see cref="BaseAddress"/>.</summary>
    public IReadOnlyList<Camera> Cameras { get; }

    /// <summary>Gets the ids of the stale cameras (same bytes in every slot).</summary>
    public IReadOnlySet<string> StaleCameraIds { get; }

    /// <summary>Gets the options the server runs with.</summary>
    public CameraSimulatorOptions Options => _state.Options;

    /// <summary>Gets how many camera list requests the server has received.</summary>
    public int CameraListRequestCount => _state.CameraListRequests;

    /// <summary>Starts a server.</summary>
    /// <param name="options">What to serve.</param>
    /// <param name="url">Where to listen; port 0 picks a free port.</param>
    /// <param name="timeProvider">The clock that picks the image slot; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running server.</returns>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public static async Task<CameraSimulatorServer> StartAsync(CameraSimulatorOptions options, string url = "http://127.0.0.1:0", TimeProvider? timeProvider = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(url);
        options.Validate();
        var state = new SimulatorState(options, timeProvider ?? TimeProvider.System);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(CameraSimulatorServer).Assembly.GetName().Name });
        // Only what is set here: no appsettings.json or environment variables from whatever directory hosts the server.
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(url);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));
        builder.Services.AddSingleton<IHostLifetime, PassiveHostLifetime>();
        var app = builder.Build();
        SimulatorEndpoints.Map(app, state);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new CameraSimulatorServer(app, state, ToClientAddress(address));
    }

    /// <summary>Forces a fault on a camera's next <paramref name="times"/> image requests.</summary>
    /// <param name="cameraId">The camera.</param>
    /// <param name="fault">The fault (<see cref="CameraFault.None"/> to clear a forced fault).</param>
    /// <param name="times">How many requests get it; every request by default.</param>
    public void ForceFault(string cameraId, CameraFault fault, int times = int.MaxValue)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(times, 1);
        _state.Faults.Force(_state.Get(cameraId).Id, new ForcedCameraFault(fault, times));
    }

    /// <summary>Gets how many image requests a camera has received.</summary>
    /// <param name="cameraId">The camera.</param>
    /// <returns>The count, 0 for an unknown id.</returns>
    public int GetImageRequestCount(string cameraId) => _state.Faults.RequestCount(cameraId);

    /// <summary>Waits until a camera has received at least <paramref name="count"/> image requests (counted when a request arrives, before any latency or fault).</summary>
    /// <param name="cameraId">The camera.</param>
    /// <param name="count">The number of requests to wait for.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>A task that completes when the requests have arrived.</returns>
    public Task WaitForImageRequestsAsync(string cameraId, int count, CancellationToken cancellationToken = default) =>
        _state.Faults.WaitForRequestsAsync(cameraId, count, cancellationToken);

    /// <summary>Gets the bytes a fault-free image request for the camera gets now.</summary>
    /// <param name="cameraId">The camera.</param>
    /// <returns>The JPEG.</returns>
    /// <exception cref="ArgumentException">No camera has that id.</exception>
    public byte[] GetCurrentImage(string cameraId) => _state.Images.GetImage(_state.Get(cameraId));

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private static Uri ToClientAddress(string address)
    {
        var builder = new UriBuilder(address.Replace("://+:", "://0.0.0.0:", StringComparison.Ordinal).Replace("://*:", "://0.0.0.0:", StringComparison.Ordinal));
        if (builder.Host is "0.0.0.0" or "[::]" or "::")
        {
            builder.Host = "127.0.0.1";
        }

        builder.Path = "/";
        return builder.Uri;
    }
}
