namespace Pax.Tool.Doctor.Findings;

/// <summary>The rule ids <c>pax doctor</c> reports; PAX001-PAX004 are Pax.Analyzers' ids for the same mistakes (docs/rules).</summary>
internal static class RuleIds
{
    /// <summary>OIDC token sent to a <c>*.googleapis.com</c> API (Google answers 401).</summary>
    public const string OidcToGoogleApi = "PAX001";

    /// <summary>The caller's identity holds no role that can invoke the target.</summary>
    public const string MissingInvoker = "PAX002";

    /// <summary>OAuth access token sent to a Cloud Run / Cloud Functions URL (they need an ID token).</summary>
    public const string OAuthToRunService = "PAX003";

    /// <summary>No token where one is required.</summary>
    public const string NoToken = "PAX004";

    /// <summary>A Cloud Run service anyone can call.</summary>
    public const string PublicService = "PAX101";

    /// <summary>Configured as far as the checks can tell, but the live project shows it failing.</summary>
    public const string FailingInLiveProject = "PAX102";

    /// <summary>An OIDC token whose audience is neither the service's URL nor one of its custom audiences (Cloud Run answers 401).</summary>
    public const string WrongAudience = "PAX103";

    /// <summary>A Scheduler job that gives up before the service it calls may answer.</summary>
    public const string AttemptDeadlineTooShort = "PAX104";

    /// <summary>A push subscription into a Pax orchestrator whose ack deadline is shorter than the intake's budget.</summary>
    public const string AckDeadlineTooShort = "PAX105";

    /// <summary>A push subscription without a dead-letter policy.</summary>
    public const string NoDeadLetterPolicy = "PAX106";
}
