namespace Pax.Orchestration.Pulse;

/// <summary>
/// What <see cref="PulseSource"/> read: the counts per scope and hour, and whether the bounded query was cut (more
/// scopes and days stored than its limit — several orchestrators or renamed phases sharing one store). The read is
/// newest first, so a cut loses the oldest hours, never the current one.
/// </summary>
public sealed class PulseRead
{
    internal PulseRead(IReadOnlyList<PulseHour> hours, bool truncated)
    {
        Hours = hours;
        Truncated = truncated;
    }

    /// <summary>Gets one entry per scope and hour that counted something.</summary>
    public IReadOnlyList<PulseHour> Hours { get; }

    /// <summary>Gets a value indicating whether the store held more than one read returns, so the oldest hours may show low.</summary>
    public bool Truncated { get; }
}
