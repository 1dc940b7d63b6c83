using System.Diagnostics;

namespace Pax.Tool.Tests.Doctor.SampleDeployments;

/// <summary>
/// Runs a sample's <c>deploy/deploy.sh</c> under bash with a stand-in <c>gcloud</c> first on the PATH and an
/// environment of only the given variables, and returns every <c>gcloud</c> call it made, in order: what the script
/// would have asked Google for. The stand-in writes nothing anywhere else and reaches nothing; it answers the reads the
/// scripts make — every <c>describe</c> is "not found" (so resources are created) unless <c>existing</c>, when it finds
/// them all (so they are updated), and the two whose output the scripts use print the service URL and the project number.
/// </summary>
internal static class RecordedGcloud
{
    // One call per line, its arguments separated by the ASCII unit separator (no argument of the scripts holds one).
    private const char Separator = '\u001f';

    private const string StandIn = """
        #!/usr/bin/env bash
        line=""
        for arg in "$@"; do line+="${arg}"$'\x1f'; done
        printf '%s\n' "${line%$'\x1f'}" >> "${PAX_GCLOUD_LOG}"
        case "$1 $2 $3" in
          "run services describe") printf '%s\n' "${PAX_SERVICE_URL}"; exit 0 ;;
          "projects describe "*) printf '%s\n' "${PAX_PROJECT_NUMBER}"; exit 0 ;;
        esac
        for arg in "$@"; do
          if [ "${arg}" = describe ]; then [ "${PAX_GCLOUD_EXISTING}" = 1 ]; exit $?; fi
        done
        exit 0
        """;

    /// <summary>Runs <paramref name="script"/> (relative to the repository root) and returns its gcloud calls.</summary>
    /// <param name="script">Such as <c>samples/Pax.Collector.Job/deploy/deploy.sh</c>.</param>
    /// <param name="serviceUrl">What <c>gcloud run services describe … --format='value(status.url)'</c> prints.</param>
    /// <param name="projectNumber">What <c>gcloud projects describe … --format='value(projectNumber)'</c> prints.</param>
    /// <param name="existing">Whether every <c>describe</c> finds its resource (a redeploy).</param>
    /// <param name="variables">The script's environment (PROJECT, BUCKET, …): nothing else of this process's environment is passed.</param>
    public static async Task<IReadOnlyList<GcloudCall>> RunAsync(string script, Uri serviceUrl, string projectNumber, bool existing, params (string Name, string Value)[] variables)
    {
        var folder = Directory.CreateTempSubdirectory("pax-gcloud-");
        try
        {
            var gcloud = Path.Combine(folder.FullName, "gcloud");
            await File.WriteAllTextAsync(gcloud, StandIn.ReplaceLineEndings("\n") + "\n", TestContext.Current.CancellationToken);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(gcloud, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }

            var log = Path.Combine(folder.FullName, "calls.log");
            var start = new ProcessStartInfo("bash", [Path.Combine(RepositoryFiles.Root, script)])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = folder.FullName,
            };
            start.Environment.Clear();
            start.Environment["PATH"] = folder.FullName + Path.PathSeparator + "/usr/local/bin:/usr/bin:/bin";
            start.Environment["PAX_GCLOUD_LOG"] = log;
            start.Environment["PAX_SERVICE_URL"] = serviceUrl.AbsoluteUri.TrimEnd('/');
            start.Environment["PAX_PROJECT_NUMBER"] = projectNumber;
            start.Environment["PAX_GCLOUD_EXISTING"] = existing ? "1" : "0";
            foreach (var (name, value) in variables)
            {
                start.Environment[name] = value;
            }

            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
            Assert.True(process.ExitCode == 0, $"{script} exited with {process.ExitCode}:\n{await output}\n{await error}");
            var lines = await File.ReadAllLinesAsync(log, TestContext.Current.CancellationToken);
            return [.. lines.Select(l => new GcloudCall(l.Split(Separator)))];
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
