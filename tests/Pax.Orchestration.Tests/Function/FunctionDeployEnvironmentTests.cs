using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Pax.Orchestration.Tests.Support;

namespace Pax.Orchestration.Tests.Function;

/// <summary>
/// What a deployed orchestrator waits for is what the deploy script was told: the environment <c>deploy/deploy.sh</c>
/// hands to <c>gcloud run deploy</c> (and <c>services update</c>), applied to the built sample as Cloud Run runs it
/// (Production settings, <c>K_SERVICE</c> set; Firestore on the emulator), yields exactly the phases it names — nothing
/// merged in from the image's settings — and the startup log entry says so.
/// </summary>
public sealed class FunctionDeployEnvironmentTests(EmulatorsFixture emulators)
{
    private const string Script = "samples/Pax.Orchestrator.Function/deploy/deploy.sh";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_deploy_scripts_environment_over_the_built_sample_waits_for_exactly_the_processors_it_names()
    {
        var project = "dp" + Guid.NewGuid().ToString("N")[..10];
        using var deploy = new DeployScript();
        var (exit, output, calls) = await deploy.RunAsync(Script, new Dictionary<string, string> { ["PROJECT"] = project, ["PROCESSORS"] = " x, y " }, Ct);
        Assert.True(exit == 0, output);
        var environment = new Dictionary<string, string>(DeployScript.EnvironmentOf(Assert.Single(calls, c => c is ["run", "deploy", ..]), "--set-env-vars"));
        foreach (var (key, value) in DeployScript.EnvironmentOf(Assert.Single(calls, c => c is ["run", "services", "update", ..]), "--update-env-vars"))
        {
            environment[key] = value;
        }

        // What Cloud Run adds: the service's name; and the emulator in place of the project's database.
        environment["K_SERVICE"] = "pax-orchestrator";
        environment["FIRESTORE_EMULATOR_HOST"] = (await emulators.FirestoreAsync()).HostPort;
        await using var function = await FunctionProcess.StartAsync(environment, Ct);
        await function.WaitForStandardOutputLineAsync(l => l.Contains("\"eventId\":4019", StringComparison.Ordinal), Ct);
        var configuration = JsonNode.Parse(function.StandardOutputLines.Single(l => l.Contains("\"eventId\":4019", StringComparison.Ordinal)))!;
        var tally = await GetTallyAsync(function, $"pax-orchestrator-scheduler@{project}.iam.gserviceaccount.com");

        Assert.Equal(
            $"phase2 waits for [x, y] (all 2 must succeed), deadline 06:00:00, then topic projects/{project}/topics/phase3-start",
            configuration["Phases"]!.GetValue<string>());
        Assert.Equal("1", configuration["PhaseCount"]!.GetValue<string>());
        Assert.Equal(["x", "y"], tally["missing"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal(2, tally["requiredSuccesses"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("a,,b", "error: PROCESSORS='a,,b' has an empty name")]
    [InlineData("a, b,a", "error: PROCESSORS='a, b,a' names 'a' twice")]
    [InlineData(" ", "error: PROCESSORS=' ' has an empty name")]
    public async Task An_empty_or_repeated_processor_stops_the_script_before_anything_is_deployed(string processors, string error)
    {
        using var deploy = new DeployScript();

        var (exit, output, calls) = await deploy.RunAsync(Script, new Dictionary<string, string> { ["PROJECT"] = "p", ["PROCESSORS"] = processors }, Ct);

        Assert.Equal(2, exit);
        Assert.StartsWith(error, output, StringComparison.Ordinal);
        Assert.Empty(calls);
    }

    [Fact]
    public async Task An_index_that_exists_already_is_fine_and_any_other_index_failure_stops_the_script_with_gclouds_message()
    {
        using var exists = new DeployScript();
        using var denied = new DeployScript();

        var (existsExit, existsOutput, _) = await exists.RunAsync(Script, new Dictionary<string, string>
        {
            ["PROJECT"] = "p",
            ["FAKE_GCLOUD_INDEX_ERROR"] = "ERROR: (gcloud.firestore.indexes.composite.create) ALREADY_EXISTS: index already exists",
        }, Ct);
        var (deniedExit, deniedOutput, deniedCalls) = await denied.RunAsync(Script, new Dictionary<string, string>
        {
            ["PROJECT"] = "p",
            ["FAKE_GCLOUD_INDEX_ERROR"] = "ERROR: (gcloud.firestore.indexes.composite.create) PERMISSION_DENIED: The caller does not have permission",
        }, Ct);

        Assert.True(existsExit == 0, existsOutput);
        Assert.Contains("Index on scheduler_jobs (status, schedule_at) exists already.", existsOutput, StringComparison.Ordinal);
        Assert.Contains("Index on pax_rejected (phase, runKey, receivedAt) exists already.", existsOutput, StringComparison.Ordinal);
        Assert.Equal(1, deniedExit);
        Assert.Contains(
            "error: creating Index on scheduler_jobs (status, schedule_at) failed: ERROR: (gcloud.firestore.indexes.composite.create) PERMISSION_DENIED: The caller does not have permission",
            deniedOutput,
            StringComparison.Ordinal);
        Assert.DoesNotContain("exists already", deniedOutput, StringComparison.Ordinal);
        Assert.DoesNotContain(deniedCalls, c => c is ["run", "deploy", ..]);
    }

    [Fact]
    public async Task The_sample_settings_name_the_service_accounts_the_deploy_script_creates()
    {
        using var deploy = new DeployScript();
        var (exit, output, calls) = await deploy.RunAsync(Script, new Dictionary<string, string> { ["PROJECT"] = "my-project" }, Ct);
        Assert.True(exit == 0, output);
        var environment = DeployScript.EnvironmentOf(Assert.Single(calls, c => c is ["run", "deploy", ..]), "--set-env-vars").ToDictionary();
        var settings = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(FunctionProcess.RepositoryRoot(), "samples", "Pax.Orchestrator.Function", "appsettings.json"), Ct))!;

        Assert.Equal(environment["Pax__Orchestration__Authentication__AllowedPrincipals__0"], settings["Pax"]!["Orchestration"]!["Authentication"]!["AllowedPrincipals"]![0]!.GetValue<string>());
        Assert.Equal(environment["Pax__Scheduling__Authentication__AllowedPrincipals__0"], settings["Pax"]!["Scheduling"]!["Authentication"]!["AllowedPrincipals"]![0]!.GetValue<string>());
    }

    private static async Task<JsonObject> GetTallyAsync(FunctionProcess function, string operatorAccount)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/tallies/phase2/2026-02-10");
        var token = PushBodies.CloudRunToken(operatorAccount, DeployScript.ServiceUrl, TimeProvider.System.GetUtcNow().AddHours(1));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await function.Client.SendAsync(request, Ct);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}\n{function.Output}");
        return (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
    }
}
