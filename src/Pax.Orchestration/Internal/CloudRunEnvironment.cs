namespace Pax.Orchestration.Internal;

/// <summary>What tells a process it runs as a Cloud Run service (cloud.google.com/run/docs/container-contract#services-env-vars).</summary>
internal static class CloudRunEnvironment
{
    /// <summary><c>K_SERVICE</c>: the service's name, set by Cloud Run in every instance.</summary>
    public const string ServiceVariable = "K_SERVICE";

    /// <summary>
    /// Why <see cref="Hosting.InboundAuthenticationMode.CloudRunIam"/> is refused where <see cref="ServiceVariable"/> is not
    /// set: that mode reads the token's claims without checking its signature, because Cloud Run's IAM check did; off
    /// Cloud Run nothing did, and anyone who reaches the port could write a token naming an allowed account.
    /// </summary>
    /// <param name="key">The configuration key of the mode.</param>
    /// <returns>The validation failure.</returns>
    public static string CloudRunIamOffCloudRun(string key) =>
        $"{key} is CloudRunIam but this is not a Cloud Run service ({ServiceVariable} is not set): CloudRunIam trusts Cloud Run's IAM check " +
        "and reads the token without verifying its signature, so off Cloud Run anyone could forge an identity. Use VerifySignature " +
        "(with the Audience the tokens are issued for) or, for a local run on loopback, None.";
}
