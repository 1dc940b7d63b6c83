using System.Diagnostics;

namespace Pax.Orchestration.Tests.Support;

/// <summary>
/// Runs a sample's <c>deploy/deploy.sh</c> with bash as an operator would, but with a stand-in <c>gcloud</c> first on the
/// PATH: it records each invocation's arguments, answers every command with success, and prints a service URL for
/// <c>run services describe … --format=value(status.url)</c>. So a test sees exactly what the script would send to
/// Google (the deploy's environment variables above all) without a project.
/// </summary>
public sealed class DeployScript : IDisposable
{
    public const string ServiceUrl = "https://pax-orchestrator-abc123-ue.a.run.app";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "pax-deploy-" + Guid.NewGuid().ToString("N"));

    public DeployScript()
    {
        Directory.CreateDirectory(_directory);
        var gcloud = Path.Combine(_directory, "gcloud");
        File.WriteAllText(gcloud, $$"""
            #!/usr/bin/env bash
            # One record per call: the arguments, each on its own line, then a line with a single NUL-free marker.
            printf '%s\n' "$@" >> "{{Path.Combine(_directory, "calls.log")}}"
            printf '%s\n' '--end-of-call--' >> "{{Path.Combine(_directory, "calls.log")}}"
            if [ "$1 $2 $3" = "run services describe" ] && [[ " $* " == *"--format=value(status.url)"* ]]; then
              echo "{{ServiceUrl}}"
            fi
            # FAKE_GCLOUD_INDEX_ERROR: what gcloud writes to stderr when an index create fails (exit 1), as
            # "ERROR: (gcloud.firestore.indexes.composite.create) STATUS: message".
            if [ "$1 $2 $3 $4" = "firestore indexes composite create" ] && [ -n "${FAKE_GCLOUD_INDEX_ERROR:-}" ]; then
              echo "${FAKE_GCLOUD_INDEX_ERROR}" >&2
              exit 1
            fi
            exit 0
            """.Replace("\r\n", "\n", StringComparison.Ordinal));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(gcloud, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    /// <summary>Runs the script (a path under the repository) with <paramref name="variables"/> and returns its exit code, output and the gcloud calls it made.</summary>
    public async Task<(int ExitCode, string Output, IReadOnlyList<IReadOnlyList<string>> Calls)> RunAsync(string script, IReadOnlyDictionary<string, string> variables, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(FunctionProcess.RepositoryRoot(), script));
        start.Environment["PATH"] = _directory + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
        foreach (var (key, value) in variables)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        var log = Path.Combine(_directory, "calls.log");
        var calls = new List<IReadOnlyList<string>>();
        var current = new List<string>();
        foreach (var line in File.Exists(log) ? File.ReadAllLines(log) : [])
        {
            if (line == "--end-of-call--")
            {
                calls.Add(current);
                current = [];
            }
            else
            {
                current.Add(line);
            }
        }

        return (process.ExitCode, await output + await error, calls);
    }

    /// <summary>The environment variables a call sets with <paramref name="flag"/> (<c>--set-env-vars</c>, <c>--update-env-vars</c>): comma-separated KEY=VALUE.</summary>
    public static IEnumerable<KeyValuePair<string, string>> EnvironmentOf(IReadOnlyList<string> call, string flag) =>
        call.Where(a => a.StartsWith(flag + "=", StringComparison.Ordinal))
            .SelectMany(a => a[(flag.Length + 1)..].Split(','))
            .Select(pair => pair.Split('=', 2))
            .Select(kv => KeyValuePair.Create(kv[0], kv[1]));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
