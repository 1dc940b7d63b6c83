namespace Pax.GoogleCloud.Http.Internal;

/// <summary>
/// Keys of <see cref="HttpRequestMessage.Options"/> that Pax's Google clients set on each request, read by the
/// handlers <c>AddPaxGoogleCloud</c> puts in front of them.
/// </summary>
internal static class GoogleRequestOptionKeys
{
    /// <summary>
    /// Marks a request as safe to send again: an idempotent read (GET, list) or a mutation guarded by a precondition
    /// such as <c>ifGenerationMatch</c>. Only marked requests are retried, and only on Google's transient answers
    /// (408, 429, 500, 502, 503, 504), transport errors and attempt timeouts. Unmarked requests are sent once.
    /// </summary>
    public static readonly HttpRequestOptionsKey<bool> Retryable = new("Pax.GoogleCloud.Retryable");

    /// <summary>
    /// Marks a request to go without an <c>Authorization</c> header, such as a request to an emulator
    /// (<c>PUBSUB_EMULATOR_HOST</c>): no access token is fetched for it.
    /// </summary>
    public static readonly HttpRequestOptionsKey<bool> Anonymous = new("Pax.GoogleCloud.Anonymous");

    /// <summary>
    /// A fixed <c>Authorization: Bearer</c> value for a request marked <see cref="Anonymous"/>, such as the Firestore
    /// emulator's administrator token <c>owner</c>: it is sent instead of a real access token.
    /// </summary>
    public static readonly HttpRequestOptionsKey<string> EmulatorBearerToken = new("Pax.GoogleCloud.EmulatorBearerToken");

    /// <summary>Returns whether <paramref name="request"/> is marked <see cref="Retryable"/>.</summary>
    /// <param name="request">The request.</param>
    /// <returns><see langword="true"/> when the request may be sent again.</returns>
    public static bool IsRetryable(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Options.TryGetValue(Retryable, out var retryable) && retryable;
    }

    /// <summary>Returns whether <paramref name="request"/> is marked <see cref="Anonymous"/>.</summary>
    /// <param name="request">The request.</param>
    /// <returns><see langword="true"/> when the request goes without an access token.</returns>
    public static bool IsAnonymous(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Options.TryGetValue(Anonymous, out var anonymous) && anonymous;
    }
}
