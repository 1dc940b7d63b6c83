namespace Pax.TestSupport.Gcs;

/// <summary>How a <see cref="FakeGcsServer"/> behaves.</summary>
public sealed class FakeGcsServerOptions
{
    /// <summary>The token <see cref="AccessToken"/> defaults to.</summary>
    public const string DefaultAccessToken = "fake-gcs-token";

    /// <summary>
    /// Gets or sets the bearer token every request must carry (<c>Authorization: Bearer {token}</c>): missing → 401
    /// with reason <c>required</c>, another token → 401 with reason <c>authError</c>.
    /// <see langword="null"/> accepts anonymous requests, as the Storage emulators do.
    /// </summary>
    public string? AccessToken { get; set; } = DefaultAccessToken;

    /// <summary>Gets or sets the principal named in 403 answers (see <see cref="FakeGcsServer.DenyPermission"/>).</summary>
    public string Principal { get; set; } = "pax-test@pax-project.iam.gserviceaccount.com";

    /// <summary>
    /// Gets or sets the role the caller holds (its object permissions). The default, <see cref="FakeGcsRole.ObjectUser"/>,
    /// may create, read, list and replace; <see cref="FakeGcsRole.ObjectCreator"/> may only create, so replacing an
    /// existing object is refused with 403 for want of <c>storage.objects.delete</c>, as Cloud Storage does.
    /// </summary>
    public FakeGcsRole Role { get; set; } = FakeGcsRole.ObjectUser;

    /// <summary>
    /// Gets or sets the status (such as 503) answered to the first finalising request of every resumable upload, the
    /// object and the request's bytes not persisted; the client must query the session and resend, as after a real
    /// transient failure. <see langword="null"/> (the default) finalises the first time.
    /// </summary>
    public System.Net.HttpStatusCode? FirstFinalisationStatus { get; set; }

    /// <summary>
    /// Gets or sets how long the server waits before answering each request (a network and service round trip, for
    /// benchmarks), on <see cref="TimeProvider"/>. The default is zero.
    /// </summary>
    public TimeSpan Latency { get; set; }

    /// <summary>Gets or sets the largest page objects.list returns (the real API's cap is 1000).</summary>
    public int MaxPageSize { get; set; } = 1000;

    /// <summary>Gets or sets the clock for <c>timeCreated</c>/<c>updated</c> and <see cref="RecordedGcsRequest.ReceivedAt"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
