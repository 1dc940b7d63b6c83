using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Pax.GoogleCloud.Internal;

/// <summary>The identifier rules shared by the Google resources Pax names: projects, regions, service accounts, Cloud Run resources.</summary>
internal static partial class GoogleResourceNames
{
    /// <summary>What a project id looks like, for messages.</summary>
    public const string ProjectRule = "a project id (6-30 lower-case letters, digits and hyphens, starting with a letter, such as my-project), a domain-scoped id (example.com:my-project) or a project number";

    /// <summary>What a region looks like, for messages.</summary>
    public const string LocationRule = "a region such as us-east1 or europe-west4";

    /// <summary>What a Cloud Run resource id looks like, for messages.</summary>
    public const string CloudRunIdRule = "1-63 lower-case letters, digits and hyphens, starting with a letter and not ending with a hyphen";

    /// <summary>What a service account email looks like, for messages.</summary>
    public const string ServiceAccountRule =
        "a service account email such as name@my-project.iam.gserviceaccount.com (or PROJECT_NUMBER-compute@developer.gserviceaccount.com), without a 'serviceAccount:' prefix";

    /// <summary>Returns whether <paramref name="value"/> is a project id, a domain-scoped project id or a project number.</summary>
    public static bool IsProject([NotNullWhen(true)] string? value) => value is not null && ProjectPattern().IsMatch(value);

    /// <summary>Returns whether <paramref name="value"/> is a region id such as <c>us-east1</c>.</summary>
    public static bool IsLocation([NotNullWhen(true)] string? value) => value is not null && LocationPattern().IsMatch(value);

    /// <summary>Returns whether <paramref name="value"/> is a Cloud Run service or job id.</summary>
    public static bool IsCloudRunId([NotNullWhen(true)] string? value) => value is not null && CloudRunIdPattern().IsMatch(value);

    /// <summary>Returns whether <paramref name="value"/> is a service account's email (user-managed or Google's default accounts).</summary>
    public static bool IsServiceAccountEmail([NotNullWhen(true)] string? value) => value is not null && ServiceAccountPattern().IsMatch(value);

    /// <summary>Returns <c>projects/{project}/locations/{location}</c>, the parent of a regional list call, after checking both ids.</summary>
    /// <exception cref="ArgumentException">The project or the location is not valid; nothing may be sent.</exception>
    public static string LocationParent(string project, string location)
    {
        if (!IsProject(project))
        {
            throw new ArgumentException($"'{project}' is not {ProjectRule}.", nameof(project));
        }

        return IsLocation(location)
            ? $"projects/{project}/locations/{location}"
            : throw new ArgumentException($"'{location}' is not {LocationRule}.", nameof(location));
    }

    [GeneratedRegex(@"^(?:[a-z][a-z0-9.-]*[a-z0-9]:)?[a-z][a-z0-9-]{4,28}[a-z0-9]$|^[0-9]{1,19}$", RegexOptions.CultureInvariant)]
    private static partial Regex ProjectPattern();

    [GeneratedRegex(@"^[a-z]+(?:-[a-z]+)+[0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex LocationPattern();

    [GeneratedRegex(@"^[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex CloudRunIdPattern();

    [GeneratedRegex(
        @"^[a-z][a-z0-9-]{4,28}[a-z0-9]@[a-z0-9][a-z0-9.:-]*\.iam\.gserviceaccount\.com$|^[a-z0-9][a-z0-9-]*@(?:developer|appspot|cloudbuild)\.gserviceaccount\.com$",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex ServiceAccountPattern();
}
