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

    /// <summary>Gets or sets the largest page objects.list returns (the real API's cap is 1000).</summary>
    public int MaxPageSize { get; set; } = 1000;

    /// <summary>Gets or sets the clock for <c>timeCreated</c>/<c>updated</c> and <see cref="RecordedGcsRequest.ReceivedAt"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
