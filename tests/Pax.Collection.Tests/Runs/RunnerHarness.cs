using System.Diagnostics.Metrics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Pax.Collection.CloudRun;
using Pax.Collection.Runs;
using Pax.Collection.Selection;
using Pax.Collection.Sinks;

namespace Pax.Collection.Tests.Runs;

/// <summary>A runner over a fake camera source and a file-system sink in a temporary folder.</summary>
internal sealed class RunnerHarness : IDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 2, 10, 14, 40, 0, TimeSpan.Zero);
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();

    public RunnerHarness()
    {
        Time = new FakeTimeProvider(Now);
        Source = new FakeCameraSource(Time);
        Root = Path.Combine(Path.GetTempPath(), "pax-runner-" + Guid.NewGuid().ToString("N"));
        Sink = new FileSystemSink(Root);
    }

    public FakeTimeProvider Time { get; }

    public FakeCameraSource Source { get; }

    public string Root { get; }

    public ISnapshotSink Sink { get; set; }

    public CollectionOptions Options { get; } = new() { Concurrency = 4 };

    /// <summary>Gets or sets the completion publisher the runner gets (<see langword="null"/>: none).</summary>
    public Pax.Orchestration.Completion.ICompletionPublisher? Publisher { get; set; }

    public IMeterFactory MeterFactory => _services.GetRequiredService<IMeterFactory>();

    public string SlotFolder => Path.Combine(Root, "2026-02-10", "1430");

    public CollectionRunner CreateRunner()
    {
        Options.Sink = Root;
        return new CollectionRunner(Source, Sink, Microsoft.Extensions.Options.Options.Create(Options), Time, MeterFactory, NullLogger<CollectionRunner>.Instance, Publisher);
    }

    public Task<CollectionReport> RunAsync(CloudRunTaskInfo? task = null, CancellationToken cancellationToken = default) =>
        CreateRunner().RunAsync(new CollectionRequest { Selection = CameraSelection.ForArea("purple-corridor"), Task = task ?? CloudRunTaskInfo.Single }, cancellationToken);

    public JsonElement ReadReport(string name = "report.json")
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(SlotFolder, name)));
        return document.RootElement.Clone();
    }

    public void Dispose()
    {
        _services.Dispose();
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
