namespace Pax.Analyzers.Deployment;

/// <summary>
/// What an invocation calls, as far as the deployment code shows it: a Cloud Run service, a Cloud Run job (through the
/// Admin API's <c>jobs/NAME:run</c>), a function URL on <c>*.cloudfunctions.net</c>, or something unknown.
/// </summary>
internal sealed class InvocationTarget
{
    private InvocationTarget(InvocationTargetKind kind, string? name, string? hostLabel = null, bool withOverrides = false)
    {
        Kind = kind;
        Name = name is not null && UnknownText.IsKnown(name) && name.Length > 0 ? name : null;
        HostLabel = hostLabel;
        WithOverrides = withOverrides;
    }

    /// <summary>What kind of target.</summary>
    public InvocationTargetKind Kind { get; }

    /// <summary>The service, job or function name, or <see langword="null"/> when not known at build time.</summary>
    public string? Name { get; }

    /// <summary>
    /// The first label of a <c>NAME-HASH-REGION.a.run.app</c> host: it belongs to the service of the unit whose name
    /// it starts with (see <see cref="DeploymentUnit"/>).
    /// </summary>
    public string? HostLabel { get; }

    /// <summary>Whether a job is run with overrides in the request body (needs <c>run.jobs.runWithOverrides</c>).</summary>
    public bool WithOverrides { get; }

    /// <summary>A Cloud Run service (or 2nd gen function) named <paramref name="name"/> (may be unknown).</summary>
    public static InvocationTarget Service(string? name) => new(InvocationTargetKind.Service, name);

    /// <summary>A function deployed in the unit (its generation decides the permission).</summary>
    public static InvocationTarget Function(string? name) => new(InvocationTargetKind.FunctionUrl, name);

    /// <summary>A Cloud Run job run through the Admin API.</summary>
    public static InvocationTarget Job(string? name, bool withOverrides) => new(InvocationTargetKind.Job, name, withOverrides: withOverrides);

    /// <summary>
    /// The target a Cloud Run or Cloud Functions URL names (see <see cref="TargetHost.Classify"/>): the deterministic
    /// <c>https://{service}-{projectNumber}.{region}.run.app</c>, a <c>*.a.run.app</c> URL (resolved against the unit),
    /// or <c>https://{region}-{project}.cloudfunctions.net/{function}</c>.
    /// </summary>
    public static InvocationTarget FromCloudRunUrl(string url)
    {
        var (host, path) = TargetHost.HostAndPath(url);
        if (host is null)
        {
            return Service(null);
        }

        if (host.EndsWith(".cloudfunctions.net", StringComparison.Ordinal))
        {
            var segment = path.TrimStart('/');
            var end = segment.IndexOfAny(['/', '?', '#']);
            return Function(end < 0 ? segment : segment.Substring(0, end));
        }

        var firstDot = host.IndexOf('.');
        var label = firstDot < 0 ? host : host.Substring(0, firstDot);
        var marker = label.IndexOf(UnknownText.Marker);
        if (marker >= 0)
        {
            // "{service}-…" where the project number and region are not known at build time.
            return marker > 1 && label[marker - 1] == '-' ? Service(label.Substring(0, marker - 1)) : Service(null);
        }

        var rest = firstDot < 0 ? string.Empty : host.Substring(firstDot + 1);
        if (rest == "a.run.app")
        {
            return new InvocationTarget(InvocationTargetKind.Service, null, hostLabel: label);
        }

        var dash = label.LastIndexOf('-');
        return dash > 0 && label.Substring(dash + 1).All(char.IsDigit) && rest.Count(c => c == '.') == 2
            ? Service(label.Substring(0, dash))
            : Service(null);
    }
}
