using System.Globalization;

namespace Pax.Orchestration.Internal;

/// <summary>
/// This process as the stores record it when it takes a claim (a tally's trigger, a job's lease):
/// <c>{K_REVISION}/{host name}/{process id}</c> on Cloud Run, <c>{host name}/{process id}</c> elsewhere.
/// </summary>
internal static class InstanceIdentity
{
    public static readonly string Current =
        (Environment.GetEnvironmentVariable("K_REVISION") is { Length: > 0 } revision ? revision + "/" : string.Empty)
        + Environment.MachineName + "/" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
}
