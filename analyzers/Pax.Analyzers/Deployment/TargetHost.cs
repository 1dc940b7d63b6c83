namespace Pax.Analyzers.Deployment;

/// <summary>Classifies a target URL by its host; unknown parts (<see cref="UnknownText.Marker"/>) are allowed.</summary>
internal static class TargetHost
{
    private static readonly char[] HostEnd = ['/', '?', '#'];

    /// <summary>The kind of target <paramref name="url"/> names; <see cref="TargetKind.Other"/> when the host is unknown.</summary>
    public static TargetKind Classify(string? url)
    {
        var host = KnownHostTail(url);
        if (host is null)
        {
            return TargetKind.Other;
        }

        if (host.EndsWith(".googleapis.com", StringComparison.Ordinal) || host == "googleapis.com")
        {
            return TargetKind.GoogleApi;
        }

        return host.EndsWith(".run.app", StringComparison.Ordinal) || host.EndsWith(".cloudfunctions.net", StringComparison.Ordinal)
            ? TargetKind.CloudRun
            : TargetKind.Other;
    }

    /// <summary>
    /// <c>scheme://host</c> of <paramref name="url"/> when scheme and host are fully known (the audience a Cloud Run
    /// service accepts); otherwise <see langword="null"/>.
    /// </summary>
    public static string? Origin(string? url)
    {
        if (url is null || !TrySplit(url, out var scheme, out var host) || !UnknownText.IsKnown(host) || host.Length == 0)
        {
            return null;
        }

        return scheme + "://" + host;
    }

    /// <summary>
    /// The job a Cloud Run Admin API run URL names (<c>https://run.googleapis.com/v2/projects/P/locations/L/jobs/NAME:run</c>,
    /// <c>https://REGION-run.googleapis.com/apis/run.googleapis.com/v1/namespaces/P/jobs/NAME:run</c>; FACTS.md §3.1,
    /// §3.2), possibly not known at build time (<see cref="UnknownText.Marker"/>); <see langword="null"/> when
    /// <paramref name="url"/> is not such a URL.
    /// </summary>
    public static string? JobOfRunUrl(string? url)
    {
        var host = KnownHostTail(url);
        if (host is null || !(host == "run.googleapis.com" || host.EndsWith("-run.googleapis.com", StringComparison.Ordinal)))
        {
            return null;
        }

        var (_, path) = HostAndPath(url!);
        var jobs = path.LastIndexOf("/jobs/", StringComparison.Ordinal);
        if (jobs < 0 || !path.EndsWith(":run", StringComparison.Ordinal))
        {
            return null;
        }

        var name = path.Substring(jobs + 6, path.Length - jobs - 10);
        return name.IndexOf('/') >= 0 ? null : name;
    }

    /// <summary>
    /// The lower-case host without port and what follows it (path, query), or a <see langword="null"/> host when
    /// <paramref name="url"/> is not an http(s) URL.
    /// </summary>
    public static (string? Host, string Path) HostAndPath(string url)
    {
        if (!TrySplit(url, out _, out var host))
        {
            return (null, string.Empty);
        }

        var text = url.Trim();
        var start = text.IndexOf("://", StringComparison.Ordinal) + 3;
        var end = text.IndexOfAny(HostEnd, start);
        return (host.ToLowerInvariant(), end < 0 ? string.Empty : text.Substring(end));
    }

    /// <summary>
    /// The lower-case host without port, or its known tail after the last unknown part; <see langword="null"/> when
    /// there is no host or nothing of it is known.
    /// </summary>
    private static string? KnownHostTail(string? url)
    {
        if (url is null || !TrySplit(url, out _, out var host))
        {
            return null;
        }

        var marker = host.LastIndexOf(UnknownText.Marker);
        var tail = marker < 0 ? host : host.Substring(marker + 1);
        tail = tail.TrimEnd('.');
        return tail.Length == 0 ? null : tail.ToLowerInvariant();
    }

    private static bool TrySplit(string url, out string scheme, out string host)
    {
        scheme = string.Empty;
        host = string.Empty;
        var text = url.Trim();
        var separator = text.IndexOf("://", StringComparison.Ordinal);
        if (separator <= 0)
        {
            return false;
        }

        scheme = text.Substring(0, separator).ToLowerInvariant();
        if (scheme != "https" && scheme != "http")
        {
            return false;
        }

        var start = separator + 3;
        var end = text.IndexOfAny(HostEnd, start);
        host = end < 0 ? text.Substring(start) : text.Substring(start, end - start);
        var at = host.LastIndexOf('@');
        if (at >= 0)
        {
            host = host.Substring(at + 1);
        }

        var port = host.LastIndexOf(':');
        if (port >= 0)
        {
            host = host.Substring(0, port);
        }

        return true;
    }
}
