using System.Globalization;
using System.Security.Cryptography;

namespace Pax.Orchestration.Internal;

/// <summary>
/// This process as the stores record it when it takes a claim (a tally's trigger, a job's lease) and the dashboard's
/// instances page shows it: <c>{K_REVISION}/{host name}/{process id}/{8 hex digits}</c> on Cloud Run, where instances of a
/// revision can share a host name and a process id (so a random part, drawn when the process starts, tells them apart),
/// and <c>{host name}/{process id}</c> elsewhere.
/// </summary>
internal static class InstanceIdentity
{
    public static readonly string Current = Describe(Environment.GetEnvironmentVariable, Environment.MachineName, Environment.ProcessId, RandomNumberGenerator.GetHexString(8, lowercase: true));

    public static string Describe(Func<string, string?> getVariable, string hostName, int processId, string random)
    {
        var process = hostName + "/" + processId.ToString(CultureInfo.InvariantCulture);
        return getVariable("K_REVISION") is { Length: > 0 } revision ? revision + "/" + process + "/" + random : process;
    }
}
