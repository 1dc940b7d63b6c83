using System.Text.RegularExpressions;
using Pax.Tool.Doctor.Inventory;

namespace Pax.Tool.Doctor.Checks;

/// <summary>Maps a URL to what it calls, using the services and jobs that were read.</summary>
internal static partial class TargetResolver
{
    public static ResolvedTarget Resolve(Uri url, ProjectInventory inventory)
    {
        var host = url.Host.ToLowerInvariant();
        if (host == "googleapis.com" || host.EndsWith(".googleapis.com", StringComparison.Ordinal))
        {
            return ResolveGoogleApi(url, host, inventory);
        }

        var service = inventory.Services.FirstOrDefault(s => s.Service.Urls.Any(u => string.Equals(u.Host, url.Host, StringComparison.OrdinalIgnoreCase)));
        if (service is not null)
        {
            return new ResolvedTarget(TargetKind.CloudRunService, url, Service: service);
        }

        if (host.EndsWith(".cloudfunctions.net", StringComparison.Ordinal))
        {
            return ResolveFunction(url, inventory);
        }

        return host.EndsWith(".run.app", StringComparison.Ordinal) ? new ResolvedTarget(TargetKind.UnknownCloudRunService, url) : new ResolvedTarget(TargetKind.External, url);
    }

    // https://REGION-PROJECT.cloudfunctions.net/NAME[/…]: every function of a region shares the host, the first path
    // segment names the function (Function.url, cloud.google.com/functions/docs/reference/rest/v2/projects.locations.functions#Function);
    // a 2nd gen function is served by the Cloud Run service in serviceConfig.service, whose IAM policy decides who may call it.
    private static ResolvedTarget ResolveFunction(Uri url, ProjectInventory inventory)
    {
        var segment = FirstSegment(url);
        var function = inventory.Functions.FirstOrDefault(f => f.Url is { } u
            && string.Equals(u.Host, url.Host, StringComparison.OrdinalIgnoreCase) && FirstSegment(u) == segment);
        var service = function?.Service is { } name ? inventory.Services.FirstOrDefault(s => s.Service.Name == name) : null;
        return service is null ? new ResolvedTarget(TargetKind.CloudFunction, url) : new ResolvedTarget(TargetKind.CloudRunService, url, Service: service);
    }

    private static string FirstSegment(Uri url) => url.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? string.Empty;

    private static ResolvedTarget ResolveGoogleApi(Uri url, string host, ProjectInventory inventory)
    {
        // v2: POST https://run.googleapis.com/v2/projects/P/locations/R/jobs/J:run
        // (cloud.google.com/run/docs/reference/rest/v2/projects.locations.jobs/run);
        // v1: POST https://R-run.googleapis.com/apis/run.googleapis.com/v1/namespaces/P/jobs/J:run (FACTS.md 3.2).
        string? job = null;
        if (V2Run().Match(url.AbsolutePath) is { Success: true } v2 && host == "run.googleapis.com")
        {
            job = $"projects/{v2.Groups[1].Value}/locations/{v2.Groups[2].Value}/jobs/{v2.Groups[3].Value}";
        }
        else if (V1Run().Match(url.AbsolutePath) is { Success: true } v1 && V1Host().Match(host) is { Success: true } region)
        {
            job = $"projects/{v1.Groups[1].Value}/locations/{region.Groups[1].Value}/jobs/{v1.Groups[2].Value}";
        }

        return job is null
            ? new ResolvedTarget(TargetKind.GoogleApi, url)
            : new ResolvedTarget(TargetKind.CloudRunJobRun, url, JobName: job, Job: inventory.Jobs.FirstOrDefault(j => j.Name == job));
    }

    [GeneratedRegex("^/v2/projects/([^/]+)/locations/([^/]+)/jobs/([^/:]+):run$", RegexOptions.CultureInvariant)]
    private static partial Regex V2Run();

    [GeneratedRegex("^/apis/run\\.googleapis\\.com/v1/namespaces/([^/]+)/jobs/([^/:]+):run$", RegexOptions.CultureInvariant)]
    private static partial Regex V1Run();

    [GeneratedRegex("^([a-z0-9-]+)-run\\.googleapis\\.com$", RegexOptions.CultureInvariant)]
    private static partial Regex V1Host();
}
