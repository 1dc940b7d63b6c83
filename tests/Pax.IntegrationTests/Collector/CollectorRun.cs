using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Pax.Collection.Cameras;
using Pax.Collector.Job;

namespace Pax.IntegrationTests.Collector;

/// <summary>Runs the collector sample in-process with captured output, a chosen environment and fast client timings.</summary>
internal sealed class CollectorRun
{
    public Dictionary<string, string> Variables { get; } = new(StringComparer.Ordinal);

    public Action<IServiceCollection>? ConfigureServices { get; set; }

    public StringWriter Output { get; } = new();

    public bool IsTerminal { get; set; }

    public CancellationToken? Cancellation { get; set; }

    public StringWriter Error { get; } = new();

    public int ExitCode { get; private set; }

    public IEnumerable<JsonElement> LogLines =>
        Output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement.Clone());

    public async Task<int> RunAsync(params string[] args)
    {
        var environment = new CollectorEnvironment
        {
            GetVariable = name => Variables.GetValueOrDefault(name),
            Output = Output,
            Error = Error,
            IsTerminal = IsTerminal,
            ConfigureServices = services =>
            {
                services.Configure<NyctmcOptions>(options =>
                {
                    options.RequestTimeout = TimeSpan.FromMilliseconds(1500);
                    options.RetryBaseDelay = TimeSpan.FromMilliseconds(1);
                });
                ConfigureServices?.Invoke(services);
            },
        };
        ExitCode = await CollectorApp.RunAsync(args, environment, Cancellation ?? TestContext.Current.CancellationToken);
        return ExitCode;
    }
}
