using Microsoft.Extensions.Logging;

namespace Pax.Orchestration.Hosting.Internal;

/// <summary>
/// Says, at most once a minute per process, that <see cref="InboundAuthenticationMode.CloudRunIam"/> refused tokens Cloud
/// Run never checked: behind Cloud Run's IAM check every token reaches the container with its signature replaced by
/// <c>SIGNATURE_REMOVED_BY_GOOGLE</c> (FACTS.md §5.4; docs.cloud.google.com/run/docs/troubleshooting#signature-removed),
/// so a token that still carries a signature (or none, or is no JWT) got past no check: the service lets unauthenticated
/// requests in (<c>--allow-unauthenticated</c>, <c>--no-invoker-iam-check</c>) or was reached around Cloud Run. Each such
/// request is answered 401 anyway; this line is for the operator, and a flood of them stays one line a minute with a count.
/// Owned by the one <see cref="InboundAuthenticator"/> of the process, so shared by every authenticated endpoint (push,
/// scheduling, operator, dashboard).
/// </summary>
internal sealed class UncheckedTokenAlarm
{
    /// <summary>The most one line a minute.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private DateTimeOffset? _lastLogged;
    private int _since;

    public UncheckedTokenAlarm(TimeProvider time, ILogger logger)
    {
        _time = time;
        _logger = logger;
    }

    /// <summary>Counts one refused token that Cloud Run did not check, on <paramref name="path"/>, and logs when the last line is a minute old.</summary>
    public void Refused(string path)
    {
        int count;
        lock (_gate)
        {
            _since++;
            var now = _time.GetUtcNow();
            if (_lastLogged is { } last && now - last < Interval)
            {
                return;
            }

            _lastLogged = now;
            count = _since;
            _since = 0;
        }

        InboundLog.UncheckedToken(_logger, count, path);
    }
}
