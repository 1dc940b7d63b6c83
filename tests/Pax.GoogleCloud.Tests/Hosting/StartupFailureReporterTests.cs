using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Pax.GoogleCloud.Hosting;
using Pax.GoogleCloud.Logging;

namespace Pax.GoogleCloud.Tests.Hosting;

/// <summary>A failed start is one line naming the cause (error: on stderr, or one CRITICAL entry on Cloud Run), the exception at Debug level.</summary>
public sealed class StartupFailureReporterTests
{
    private static readonly OptionsValidationException Mistake = new(Options.DefaultName, typeof(object), ["A:B = 'x' is not a whole number.", "A:C is not a setting — did you mean 'D'?"]);

    [Fact]
    public void Off_Cloud_Run_the_cause_is_one_error_line_on_stderr_and_the_exception_goes_to_the_log_at_debug()
    {
        var (reporter, output, error) = Create(_ => null);
        var logs = new FakeLogger();

        var exit = reporter.Report(Mistake, 2, logs);

        Assert.Equal(2, exit);
        Assert.False(reporter.OnCloudRun);
        Assert.Equal("error: A:B = 'x' is not a whole number. A:C is not a setting — did you mean 'D'?" + Environment.NewLine, error.ToString());
        Assert.Empty(output.ToString());
        var detail = Assert.Single(logs.Collector.GetSnapshot());
        Assert.Equal((LogLevel.Debug, Mistake), (detail.Level, detail.Exception));
    }

    [Fact]
    public void Two_options_types_failing_at_once_are_one_line_with_every_failure()
    {
        // What IStartupValidator.Validate throws when two sections are wrong (Microsoft.Extensions.Options' StartupValidator).
        var both = new AggregateException(Mistake, new OptionsValidationException(Options.DefaultName, typeof(object), ["E:F is not set."]));

        Assert.Equal("A:B = 'x' is not a whole number. A:C is not a setting — did you mean 'D'? E:F is not set.", StartupFailureReporter.Describe(both));
    }

    [Theory]
    [InlineData("K_SERVICE", "pax-orchestrator")]
    [InlineData("CLOUD_RUN_JOB", "pax-collector")]
    public void On_Cloud_Run_the_cause_is_one_critical_json_entry_on_stdout_without_a_stack(string variable, string name)
    {
        var (reporter, output, error) = Create(v => v == variable ? name : null);

        reporter.Report(new InvalidOperationException("first line\n   at Somewhere.Else()"), 1);

        var entry = JsonNode.Parse(Assert.Single(output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)))!;
        Assert.Equal("CRITICAL", entry["severity"]!.GetValue<string>());
        Assert.Equal("first line at Somewhere.Else()", entry["message"]!.GetValue<string>());
        Assert.Null(entry["stack_trace"]);
        Assert.Equal(CloudLoggingJsonLoggerProvider.ReportedErrorEventType, entry["@type"]!.GetValue<string>());
        Assert.Equal(name, entry["serviceContext"]!["service"]!.GetValue<string>());
        Assert.Empty(error.ToString());
    }

    [Fact]
    public async Task A_host_that_cannot_start_is_reported_once_without_the_hosts_own_failure_entry_and_its_stack()
    {
        var (reporter, output, error) = Create(_ => null);
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Logging.AddFakeLogging();
        reporter.ConfigureLogging(builder.Logging);
        builder.Services.AddHostedService<PortInUse>();
        using var host = builder.Build();

        var exit = await reporter.RunAsync(host, 1, TestContext.Current.CancellationToken);

        Assert.Equal(1, exit);
        Assert.Equal("error: Failed to bind to address http://127.0.0.1:8080: address already in use." + Environment.NewLine, error.ToString());
        Assert.DoesNotContain(host.Services.GetFakeLogCollector().GetSnapshot(), r => r.Level >= LogLevel.Error);
        Assert.Empty(output.ToString());
    }

    private static (StartupFailureReporter Reporter, StringWriter Output, StringWriter Error) Create(Func<string, string?> variables)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        return (new StartupFailureReporter(output, error, variables, new FakeTimeProvider()), output, error);
    }

    private sealed class PortInUse : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) =>
            throw new IOException("Failed to bind to address http://127.0.0.1:8080: address already in use.");

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
