namespace Pax.Collection.Cameras;

/// <summary>
/// Settings of <see cref="NyctmcCameraClient"/>: where the NYCTMC webcam API is, how the client introduces itself,
/// how large an image may be, and how long and how often it tries. Bound from the configuration section
/// <see cref="SectionName"/> and validated at startup; an invalid value fails with the configuration key in the message.
/// </summary>
public sealed class NyctmcOptions
{
    /// <summary>The configuration section these options are bound from: <c>Pax:Collection:Cameras</c>.</summary>
    public const string SectionName = "Pax:Collection:Cameras";

    /// <summary>The default <see cref="UserAgent"/>.</summary>
    public const string DefaultUserAgent = "Pax.Collection/0.1 (+NYCTMC snapshot collector)";

    /// <summary>The default <see cref="MaxImageBytes"/>: 1 MiB.</summary>
    public const int DefaultMaxImageBytes = 1024 * 1024;

    /// <summary>The smallest accepted <see cref="MaxImageBytes"/>: 1 KiB.</summary>
    public const int MinMaxImageBytes = 1024;

    /// <summary>The largest accepted <see cref="MaxImageBytes"/>: 64 MiB.</summary>
    public const int MaxMaxImageBytes = 64 * 1024 * 1024;

    /// <summary>The largest accepted <see cref="MaxRetries"/>.</summary>
    public const int MaxMaxRetries = 10;

    /// <summary>The default <see cref="BaseAddress"/>: <c>https://webcams.nyctmc.org/</c>.</summary>
    public static readonly Uri DefaultBaseAddress = new("https://webcams.nyctmc.org/");

    /// <summary>Gets or sets the API's base address (scheme, host, port and an optional path prefix).</summary>
    /// <value>The default value is <c>https://webcams.nyctmc.org/</c>. Must be an absolute http or https URL.</value>
    /// <remarks>An image URL announced by the camera list is followed only when its scheme, host and port equal this address's.</remarks>
    public Uri BaseAddress { get; set; } = DefaultBaseAddress;

    /// <summary>Gets or sets the <c>User-Agent</c> header sent with every request.</summary>
    /// <value>The default value is <c>Pax.Collection/0.1 (+NYCTMC snapshot collector)</c>. Must be a valid User-Agent header value.</value>
    public string UserAgent { get; set; } = DefaultUserAgent;

    /// <summary>Gets or sets the largest image, in bytes, the client accepts. Larger responses fail with <see cref="CameraFetchFailure.TooLarge"/>.</summary>
    /// <value>The default value is 1,048,576 bytes (1 MiB). Accepted range: 1 KiB to 64 MiB.</value>
    public int MaxImageBytes { get; set; } = DefaultMaxImageBytes;

    /// <summary>Gets or sets the time one attempt (request and body read) may take before it counts as timed out.</summary>
    /// <value>The default value is 10 seconds. Accepted range: 10 milliseconds to 10 minutes.</value>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Gets or sets how many times a transient failure (5xx, 408, 429, transport error, truncated body, timeout) is retried.</summary>
    /// <value>The default value is 2 retries (3 attempts in all). Accepted range: 0 to 10.</value>
    public int MaxRetries { get; set; } = 2;

    /// <summary>Gets or sets the base delay of the jittered exponential backoff between attempts.</summary>
    /// <value>The default value is 250 milliseconds. Accepted range: 0 to 1 minute.</value>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(250);
}
