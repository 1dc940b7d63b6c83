using Pax.GoogleCloud.Deployment;
using Pax.GoogleCloud.Internal;

namespace Pax.GoogleCloud.Scheduler.Internal;

/// <summary>What <see cref="SchedulerTarget"/> accepts: service URLs, service accounts and headers, with messages that say what to use instead.</summary>
internal static class SchedulerTargetRules
{
    private const int MaxUriLength = 2083;
    private static readonly string[] ReservedHeaders = ["Host", "Content-Length", "User-Agent", "Authorization"];
    private static readonly string[] ReservedHeaderPrefixes = ["X-Google-", "X-AppEngine-", "X-CloudScheduler"];

    public static void CheckServiceUrl(Uri url)
    {
        if (!url.IsAbsoluteUri || url.Scheme != Uri.UriSchemeHttps || url.UserInfo.Length > 0 || url.Fragment.Length > 0)
        {
            throw new ArgumentException(
                $"'{url}' must be an absolute https URL without user info or fragment: Cloud Scheduler sends the ID token in the Authorization header.", nameof(url));
        }

        if (SchedulerTarget.IsGoogleApi(url))
        {
            throw new ArgumentException(
                $"'{url}' is a Google API ({url.Host}): Google APIs take OAuth access tokens and answer an OIDC ID token with 401 (PAX001). "
                + "To run a Cloud Run job use SchedulerTarget.CloudRunJob(project, region, job, serviceAccount), which sends an OAuth token with the cloud-platform scope.",
                nameof(url));
        }

        if (url.AbsoluteUri.Length > MaxUriLength)
        {
            throw new ArgumentException($"'{url}' is longer than the {MaxUriLength} characters Cloud Scheduler takes.", nameof(url));
        }
    }

    public static string CheckServiceAccount(string serviceAccount)
    {
        if (serviceAccount?.StartsWith("serviceAccount:", StringComparison.Ordinal) == true)
        {
            throw new ArgumentException($"'{serviceAccount}' is an IAM member; give the service account's email without the 'serviceAccount:' prefix.", nameof(serviceAccount));
        }

        return GoogleResourceNames.IsServiceAccountEmail(serviceAccount)
            ? serviceAccount
            : throw new ArgumentException($"'{serviceAccount}' is not {GoogleResourceNames.ServiceAccountRule}: Cloud Scheduler mints tokens for service accounts only.", nameof(serviceAccount));
    }

    public static void CheckHeader(string name, string value)
    {
        if (string.IsNullOrEmpty(name) || name.Any(c => c <= ' ' || c >= 127 || "()<>@,;:\\\"/[]?={}".Contains(c)))
        {
            throw new ArgumentException($"'{name}' is not an HTTP header name.", nameof(name));
        }

        if (ReservedHeaders.Contains(name, StringComparer.OrdinalIgnoreCase)
            || ReservedHeaderPrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)))
        {
            throw new ArgumentException(
                $"Cloud Scheduler sets or replaces '{name}' itself (Host, Content-Length, User-Agent, the token's Authorization, X-Google-*, X-AppEngine-*, X-CloudScheduler*).", nameof(name));
        }

        if (value.Any(c => c is '\r' or '\n' or '\0'))
        {
            throw new ArgumentException($"The value of header '{name}' must not hold a line break.", nameof(value));
        }
    }
}
