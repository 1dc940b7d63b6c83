using Pax.Orchestration.Tests.Support;

namespace Pax.Orchestration.Tests.Function;

/// <summary>
/// A configuration mistake stops the Function sample's real process (<c>dotnet Pax.Orchestrator.Function.dll</c> with
/// environment variables) within seconds, with a non-zero exit code and one <c>error:</c> line that names the key, the
/// value and what was meant — no "Unhandled exception", no stack frame.
/// </summary>
public sealed class FunctionConfigurationMistakeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public Task A_misspelled_key_is_named_with_the_key_that_was_meant() =>
        AssertStopsAsync(
            new() { ["Pax__Orchestration__Phases__0__Procesors__0"] = "a" },
            "error: Pax:Orchestration:Phases:0:Procesors is not a setting — did you mean 'Processors'?");

    [Fact]
    public Task A_value_that_does_not_convert_is_named_with_its_key_value_and_expected_form() =>
        AssertStopsAsync(
            new() { ["Pax__Orchestration__Phases__0__Deadline"] = "6h" },
            "error: Pax:Orchestration:Phases:0:Deadline = '6h' is not a duration; use hh:mm:ss (such as 06:00:00) or d.hh:mm:ss.");

    [Fact]
    public Task A_phase_with_neither_processors_nor_an_expected_count_is_refused() =>
        AssertStopsAsync(
            new()
            {
                // As deploy/deploy.sh would set it with an empty PROCESSORS: the phases from the environment alone.
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Pax__Orchestration__Authentication__Mode"] = "None",
                ["Pax__Scheduling__Authentication__Mode"] = "None",
                ["Pax__Orchestration__Phases__0__Name"] = "phase2",
                ["Pax__Orchestration__Phases__0__Trigger__Topic"] = "projects/p/topics/phase3",
            },
            "error: Pax:Orchestration:Phases:0: set either Processors or ExpectedCount (exactly one).");

    [Fact]
    public Task A_list_merged_from_the_settings_file_and_environment_variables_is_refused() =>
        AssertStopsAsync(
            new() { ["Pax__Orchestration__Phases__0__Processors__0"] = "x", ["Pax__Orchestration__Phases__0__Processors__1"] = "y" },
            "error: Pax:Orchestration:Phases:0:Processors takes entries 0, 1 from environment variables and 2 from appsettings.Development.json: a later source cannot remove an entry of an earlier one, so the list is merged [x, y, c]. Configure the whole list in one place.");

    [Fact]
    public Task No_phase_at_all_says_where_phases_come_from() =>
        AssertStopsAsync(
            new()
            {
                // The bare DLL: Production, whose appsettings.json has no phases, and no deploy script's environment.
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Pax__Orchestration__Authentication__Mode"] = "None",
                ["Pax__Scheduling__Authentication__Mode"] = "None",
            },
            "error: Pax:Orchestration:Phases needs at least one phase: set Pax:Orchestration:Phases:0:Name, :Processors (or :ExpectedCount) and :Trigger in a settings file or as environment variables (Pax__Orchestration__Phases__0__Name=…); a settings file of one environment (appsettings.Development.json) is read only when ASPNETCORE_ENVIRONMENT (or DOTNET_ENVIRONMENT) names it.");

    [Fact]
    public Task A_SQLite_path_whose_folder_cannot_be_created_is_named_with_its_key() =>
        AssertStopsAsync(
            new() { ["Pax__Orchestration__Sqlite__Path"] = "/proc/nope/x.db" },
            l => l.StartsWith("error: Pax:Orchestration:Sqlite:Path = '/proc/nope/x.db': the SQLite database's folder /proc/nope cannot be created (", StringComparison.Ordinal)
                && l.EndsWith("); set Pax:Orchestration:Sqlite:Path to a writable path.", StringComparison.Ordinal));

    [Fact]
    public Task A_list_given_as_one_value_is_named_with_the_keys_of_its_entries() =>
        AssertStopsAsync(
            new() { ["Pax__Orchestration__Phases__0__Processors"] = "x,y" },
            "error: Pax:Orchestration:Phases:0:Processors = 'x,y' is ignored: Pax:Orchestration:Phases:0:Processors is a list and takes its entries (Pax:Orchestration:Phases:0:Processors:0, …); remove the value.");

    [Fact]
    public Task A_trigger_set_in_code_is_named_as_such() =>
        AssertStopsAsync(
            new() { ["Pax__Orchestration__Phases__0__CustomTrigger"] = "x" },
            "error: Pax:Orchestration:Phases:0:CustomTrigger cannot be set from configuration (it is set in code).");

    [Fact]
    public async Task One_key_of_one_phase_set_on_the_command_line_over_phases_from_environment_variables_starts()
    {
        // Two phases from one source (as deploy.sh sets them), one field of the second overridden by a later source.
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Pax__Orchestration__Authentication__Mode"] = "None",
            ["Pax__Scheduling__Authentication__Mode"] = "None",
            ["Pax__Orchestration__Sqlite__Path"] = Path.Combine(Path.GetTempPath(), $"pax-override-{Guid.NewGuid():N}.db"),
            ["Pax__Scheduling__Sqlite__Path"] = Path.Combine(Path.GetTempPath(), $"pax-override-{Guid.NewGuid():N}.db"),
            ["Pax__Orchestration__Phases__0__Name"] = "phase2",
            ["Pax__Orchestration__Phases__0__ExpectedCount"] = "2",
            ["Pax__Orchestration__Phases__0__Trigger__Topic"] = "projects/p/topics/phase3",
            ["Pax__Orchestration__Phases__1__Name"] = "phase3",
            ["Pax__Orchestration__Phases__1__ExpectedCount"] = "1",
            ["Pax__Orchestration__Phases__1__Deadline"] = "01:00:00",
            ["Pax__Orchestration__Phases__1__Trigger__Topic"] = "projects/p/topics/phase4",
        };

        await using var function = await FunctionProcess.StartAsync(environment, Ct, "--Pax:Orchestration:Phases:1:Deadline=06:00:00");

        // The effective configuration (event 4019) shows the override on the second phase.
        const string Phase3 = "phase3 waits for 1 processors (1 must succeed), deadline 06:00:00, then topic projects/p/topics/phase4";
        await function.WaitForStandardOutputLineAsync(l => l.Contains(Phase3, StringComparison.Ordinal), Ct);
    }

    [Fact]
    public async Task Keys_in_lower_case_set_the_options_they_name()
    {
        // Environment variable names keep their case on Linux; configuration keys match in any case, and so must the check.
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["pax__orchestration__sqlite__path"] = Path.Combine(Path.GetTempPath(), $"pax-case-{Guid.NewGuid():N}.db"),
            ["PAX__SCHEDULING__SQLITE__PATH"] = Path.Combine(Path.GetTempPath(), $"pax-case-{Guid.NewGuid():N}.db"),
            ["pax__orchestration__phases__0__deadline"] = "05:00:00",
        };

        await using var function = await FunctionProcess.StartAsync(environment, Ct);

        await function.WaitForStandardOutputLineAsync(l => l.Contains("phase2 waits for [a, b, c] (all 3 must succeed), deadline 05:00:00", StringComparison.Ordinal), Ct);
    }

    [Theory]
    [InlineData("Pax__Scheduling__Lease", "a minute", "error: Pax:Scheduling:Lease = 'a minute' is not a duration; use hh:mm:ss (such as 06:00:00) or d.hh:mm:ss.")]
    [InlineData("Pax__Dashboard__PageSize", "many", "error: Pax:Dashboard:PageSize = 'many' is not a whole number.")]
    [InlineData("Pax__Dashboard__Authentication__AllowedPrincipal__0", "user:a@example.com", "error: Pax:Dashboard:Authentication:AllowedPrincipal is not a setting — did you mean 'AllowedPrincipals'?")]
    [InlineData("GoogleCloud__Retry__MaxRetryAttemps", "3", "error: GoogleCloud:Retry:MaxRetryAttemps is not a setting — did you mean 'MaxRetryAttempts'?")]
    public Task A_mistake_in_the_other_sections_is_named_too(string key, string value, string line) =>
        AssertStopsAsync(new() { [key] = value }, line);

    /// <summary>
    /// The inbound-authentication keys of earlier versions (a <c>Push</c> object, flat fields in <c>Pax:Scheduling</c> and
    /// <c>Pax:Dashboard</c>) became one <c>Authentication</c> section per wing: a deployment still setting an old key
    /// stops at startup naming the key to set instead, rather than starting with the old value silently ignored.
    /// </summary>
    [Theory]
    [InlineData("Pax__Orchestration__Push__Authentication", "None", "Pax:Orchestration:Push:Authentication", "Pax:Orchestration:Authentication:Mode", "Pax__Orchestration__Authentication__Mode")]
    [InlineData("Pax__Orchestration__Push__Audience", "https://svc.example", "Pax:Orchestration:Push:Audience", "Pax:Orchestration:Authentication:Audience", "Pax__Orchestration__Authentication__Audience")]
    [InlineData("Pax__Orchestration__Push__AllowedServiceAccounts__0", "push@p.iam.gserviceaccount.com", "Pax:Orchestration:Push:AllowedServiceAccounts", "Pax:Orchestration:Authentication:AllowedPrincipals", "Pax__Orchestration__Authentication__AllowedPrincipals")]
    [InlineData("Pax__Scheduling__Authentication", "None", "Pax:Scheduling:Authentication", "Pax:Scheduling:Authentication:Mode", "Pax__Scheduling__Authentication__Mode")]
    [InlineData("Pax__Scheduling__Audience", "https://svc.example", "Pax:Scheduling:Audience", "Pax:Scheduling:Authentication:Audience", "Pax__Scheduling__Authentication__Audience")]
    [InlineData("Pax__Scheduling__AllowedServiceAccounts__0", "s@p.iam.gserviceaccount.com", "Pax:Scheduling:AllowedServiceAccounts", "Pax:Scheduling:Authentication:AllowedPrincipals", "Pax__Scheduling__Authentication__AllowedPrincipals")]
    [InlineData("Pax__Dashboard__Authentication", "None", "Pax:Dashboard:Authentication", "Pax:Dashboard:Authentication:Mode", "Pax__Dashboard__Authentication__Mode")]
    [InlineData("Pax__Dashboard__Audience", "https://svc.example", "Pax:Dashboard:Audience", "Pax:Dashboard:Authentication:Audience", "Pax__Dashboard__Authentication__Audience")]
    [InlineData("Pax__Dashboard__AllowedPrincipals__0", "user:a@example.com", "Pax:Dashboard:AllowedPrincipals", "Pax:Dashboard:Authentication:AllowedPrincipals", "Pax__Dashboard__Authentication__AllowedPrincipals")]
    public Task A_key_of_the_earlier_authentication_shape_stops_startup_naming_the_new_key(string variable, string value, string oldKey, string newKey, string newVariable) =>
        AssertStopsAsync(new() { [variable] = value }, $"error: {oldKey} was renamed: set {newKey} instead (environment variable {newVariable}).");

    private static Task AssertStopsAsync(Dictionary<string, string> mistake, string line) =>
        AssertStopsAsync(mistake, l => l == line, line);

    private static async Task AssertStopsAsync(Dictionary<string, string> mistake, Func<string, bool> isLine, string? line = null)
    {
        // The sample's local settings (appsettings.Development.json: phase2 with processors a, b, c), then the mistake.
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Pax__Orchestration__Sqlite__Path"] = Path.Combine(Path.GetTempPath(), $"pax-mistake-{Guid.NewGuid():N}.db"),
            ["Pax__Scheduling__Sqlite__Path"] = Path.Combine(Path.GetTempPath(), $"pax-mistake-{Guid.NewGuid():N}.db"),
        };
        foreach (var (key, value) in mistake)
        {
            environment[key] = value;
        }

        // RunUntilExitAsync waits for the process to end by itself (at most 60 s): it must stop, not serve.
        var (exitCode, standardOutput, standardError) = await FunctionProcess.RunUntilExitAsync(environment, Ct);

        var output = string.Join("\n", standardOutput.Concat(standardError));
        Assert.Equal(1, exitCode);
        var single = Assert.Single(standardError);
        Assert.True(isLine(single), $"Expected: {line ?? "the line described"}\nActual:   {single}");
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.DoesNotContain(standardOutput, l => l.Contains("Exception", StringComparison.Ordinal));
    }
}
