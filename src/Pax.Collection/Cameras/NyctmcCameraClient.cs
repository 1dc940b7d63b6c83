using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pax.Collection.Cameras.Internal;

namespace Pax.Collection.Cameras;

/// <summary>
/// Client of the NYCTMC public webcam API (<c>webcams.nyctmc.org</c>): reads the camera list and fetches camera
/// images. Every request retries transient failures (5xx, 408, 429, transport errors, truncated bodies, timeouts)
/// with jittered exponential backoff, and each attempt, body included, has its own timeout
/// (<see cref="NyctmcOptions"/>). Register it with the package's <c>AddPaxCollection</c>.
/// </summary>
public sealed class NyctmcCameraClient : ICameraSource
{
    /// <summary>The largest camera list accepted (the real one is about 250 KB for ~960 cameras).</summary>
    private const int MaxCameraListBytes = 16 * 1024 * 1024;

    private const string JsonAccept = "application/json";
    private const string ImageAccept = "image/jpeg, image/*;q=0.8";

    private readonly NyctmcOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<NyctmcCameraClient> _logger;
    private readonly NyctmcDownloader _downloader;

    /// <summary>Initializes a new instance.</summary>
    /// <param name="httpClient">The HTTP client (from <c>IHttpClientFactory</c>).</param>
    /// <param name="options">The client's options.</param>
    /// <param name="timeProvider">The clock for <see cref="CameraImage.FetchedAt"/>, cache-busting and the retry/timeout timers.</param>
    /// <param name="logger">The logger.</param>
    /// <exception cref="OptionsValidationException">The options are invalid.</exception>
    public NyctmcCameraClient(HttpClient httpClient, IOptions<NyctmcOptions> options, TimeProvider timeProvider, ILogger<NyctmcCameraClient> logger)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        NyctmcOptionsValidator.ThrowIfInvalid(options.Value);
        _options = options.Value;
        _timeProvider = timeProvider;
        _logger = logger;
        _downloader = new NyctmcDownloader(httpClient, _options, timeProvider, logger);
    }

    /// <summary>Gets the API's base address (<see cref="NyctmcOptions.BaseAddress"/>).</summary>
    public Uri BaseAddress => _options.BaseAddress;

    /// <summary>
    /// Reads the camera list (<c>GET {base}/api/cameras</c>, a bare JSON array). Elements that cannot be read (no id,
    /// no valid coordinates, wrong types) are skipped and logged. <c>isOnline</c> may be a string or a boolean, the
    /// coordinates numbers or numeric strings; a missing <c>isOnline</c> counts as offline.
    /// </summary>
    /// <param name="cancellationToken">Cancels the request; surfaces as <see cref="OperationCanceledException"/>.</param>
    /// <returns>The cameras in the order the API listed them; empty when the API listed none (the caller decides whether that is an error).</returns>
    /// <exception cref="CameraApiException">The API could not be reached, answered with an error status after the retries, or sent a body that is not a JSON array.</exception>
    public async Task<IReadOnlyList<Camera>> GetCamerasAsync(CancellationToken cancellationToken = default)
    {
        var url = CameraImageAddress.CameraList(_options.BaseAddress);
        var shownUrl = RedactedUrl.Format(url);
        DownloadedBody body;
        try
        {
            var download = _downloader.DownloadAsync(() => url, JsonAccept, MaxCameraListBytes, "camera list", cancellationToken);

            // While the list is on its way: in a new process (every Cloud Run task) the first read of JSON sets up the
            // reader's metadata, which would otherwise be done after the list arrived, on the way to the first fetch.
            CameraListReader.Prepare();
            body = await download.ConfigureAwait(false);
        }
        catch (DownloadFailedException ex)
        {
            var reason = $"{ex.Reason} after {ex.Attempts} attempt(s)";
            CameraLog.CameraListFailed(_logger, shownUrl, reason);
            throw new CameraApiException($"The camera list at {shownUrl} could not be read: {reason}.", ex.StatusCode, ex.InnerException);
        }

        CameraListContent list;
        try
        {
            list = CameraListReader.Read(body.Content);
        }
        catch (InvalidDataException ex)
        {
            CameraLog.CameraListFailed(_logger, shownUrl, ex.Message);
            throw new CameraApiException($"The camera list at {shownUrl} could not be read: {ex.Message}.", innerException: ex.InnerException);
        }

        foreach (var skipped in list.Skipped)
        {
            CameraLog.CameraListEntrySkipped(_logger, skipped);
        }

        if (list.Skipped.Count > 0)
        {
            CameraLog.CameraListEntriesSkipped(_logger, list.Skipped.Count, list.EntryCount, list.Skipped[0]);
        }

        CameraLog.CameraListRead(_logger, list.Cameras.Count, shownUrl, body.Attempts);
        return list.Cameras;
    }

    /// <summary>
    /// Fetches a camera's current image. The URL is the camera's announced <see cref="Camera.ImageUrl"/> when it is on
    /// the API's origin (same scheme, host and port as <see cref="NyctmcOptions.BaseAddress"/>), otherwise
    /// <c>{base}/api/cameras/{id}/image</c>; a cache-busting query <c>t={unix ms}</c> is added to every attempt.
    /// The body is read whole, up to <see cref="NyctmcOptions.MaxImageBytes"/>; it is not checked to be a JPEG.
    /// </summary>
    /// <param name="camera">The camera.</param>
    /// <param name="cancellationToken">Cancels the fetch; surfaces as <see cref="OperationCanceledException"/>, never as a timeout.</param>
    /// <returns>The image.</returns>
    /// <exception cref="ArgumentException">The camera id is empty or a dot segment ("." or "..").</exception>
    /// <exception cref="CameraFetchException">Every allowed attempt failed; <see cref="CameraFetchException.Failure"/> says why.</exception>
    public async Task<CameraImage> FetchImageAsync(Camera camera, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(camera);
        if (string.IsNullOrEmpty(camera.Id) || camera.Id is "." or "..")
        {
            throw new ArgumentException($"Camera id '{camera.Id}' cannot name an image URL.", nameof(camera));
        }

        var target = ResolveImageUrl(camera);
        try
        {
            var body = await _downloader.DownloadAsync(
                () => CameraImageAddress.WithCacheBuster(target, _timeProvider.GetUtcNow()),
                ImageAccept,
                _options.MaxImageBytes,
                camera.Id,
                cancellationToken).ConfigureAwait(false);
            CameraLog.ImageFetched(_logger, camera.Id, body.Content.Length, body.ContentType, body.Attempts);
            return new CameraImage(camera.Id, body.Content, body.ContentType, _timeProvider.GetUtcNow(), body.Attempts);
        }
        catch (DownloadFailedException ex)
        {
            CameraLog.ImageFetchFailed(_logger, camera.Id, ex.Failure, ex.Reason, ex.Attempts);
            throw new CameraFetchException(camera.Id, ex.Failure, ex.Reason, ex.Attempts, ex.StatusCode, ex.InnerException);
        }
    }

    private Uri ResolveImageUrl(Camera camera)
    {
        if (camera.ImageUrl is { } announced)
        {
            if (CameraImageAddress.IsOnApiOrigin(announced, _options.BaseAddress))
            {
                return announced;
            }

            CameraLog.AnnouncedImageUrlIgnored(_logger, camera.Id, RedactedUrl.Format(announced), RedactedUrl.Format(_options.BaseAddress));
        }

        return CameraImageAddress.ForCamera(_options.BaseAddress, camera.Id);
    }
}
