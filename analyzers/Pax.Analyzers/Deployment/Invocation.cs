using Microsoft.CodeAnalysis;

namespace Pax.Analyzers.Deployment;

/// <summary>A push subscription, Eventarc trigger or Scheduler job that calls a Cloud Run service or function.</summary>
internal sealed class Invocation
{
    /// <summary>
    /// The account of a trigger whose configuration names none, which Google then runs as the project's default service
    /// account: not known here (any grant may be to it), and named so in messages.
    /// </summary>
    public static readonly string DefaultServiceAccount = UnknownText.Value + "default";

    /// <summary>Creates an invocation.</summary>
    /// <param name="location">Where the invocation is configured (the target URL or destination).</param>
    /// <param name="source">What invokes, for messages (e.g. "Cloud Scheduler job 'tick'").</param>
    /// <param name="target">The target as written, for messages.</param>
    /// <param name="account">
    /// The service account whose token is sent (may hold <see cref="UnknownText.Marker"/>; <see cref="DefaultServiceAccount"/>
    /// when none is named); <see langword="null"/> when no token is sent at all.
    /// </param>
    /// <param name="called">What is called, as far as known; <see langword="null"/> = a service not known at build time.</param>
    /// <param name="accountSetting">
    /// Where the account is written (a flag, attribute or property name), for messages when its value cannot be read.
    /// </param>
    public Invocation(Location location, string source, string target, string? account, InvocationTarget? called = null, string? accountSetting = null)
    {
        Location = location;
        Source = source;
        Target = target;
        Account = account;
        Called = called ?? InvocationTarget.Service(null);
        AccountSetting = accountSetting;
    }

    /// <summary>What is called.</summary>
    public InvocationTarget Called { get; }

    /// <summary>Where the invocation is configured.</summary>
    public Location Location { get; }

    /// <summary>What invokes.</summary>
    public string Source { get; }

    /// <summary>The target as written.</summary>
    public string Target { get; }

    /// <summary>The invoking service account, or <see langword="null"/> for an unauthenticated call.</summary>
    public string? Account { get; }

    /// <summary>Where the account is written, if known (e.g. <c>--oidc-service-account-email</c>).</summary>
    public string? AccountSetting { get; }

    /// <summary>The PAX002 diagnostic: no grant lets the caller hold <paramref name="permission"/> on the target.</summary>
    public Diagnostic ToDiagnostic(string permission) => Diagnostic.Create(
        RuleDescriptors.MissingInvokerGrant, Location, Source, Target, DescribeCaller(), InvokerRoles.SuggestedRole(permission), permission);

    /// <summary>The PAX004 diagnostic: no token is sent to a private service the unit deploys.</summary>
    public Diagnostic ToMissingTokenDiagnostic() =>
        Diagnostic.Create(RuleDescriptors.MissingToken, Location, Target, RuleDescriptors.PrivateServiceNeedsOidc);

    /// <summary>The caller as a message fragment.</summary>
    public string DescribeCaller()
    {
        if (Account is null)
        {
            return "an unauthenticated caller (no token)";
        }

        if (Account == DefaultServiceAccount)
        {
            // An Eventarc trigger without --service-account runs as the Compute Engine default service account
            // (cloud.google.com/sdk/gcloud/reference/eventarc/triggers/create, --service-account).
            return "the project's Compute Engine default service account (it names no account)";
        }

        if (Account != UnknownText.Value)
        {
            return "'" + UnknownText.Display(Account) + "'";
        }

        // Only reported when the unit grants nothing at all (an unread account may match any grant): say which
        // account to grant, as the reader cannot name it.
        return AccountSetting is null
            ? "an account that could not be read at build time"
            : "the account in " + AccountSetting + ", which could not be read at build time";
    }
}
