using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Pax.Collection.Runs;
using Pax.Collection.Sinks;
using Pax.Collection.Snapshots;
using Pax.Demo.Pipeline;
using Pax.Demo.Tracing;
using Pax.Orchestration.Completion;
using Pax.Orchestration.Completion.Triggers;

namespace Pax.Demo.NextPhases;

/// <summary>
/// Phase 2's processor, started in-process when the collector's phase is complete: writes a contact sheet of the slot's
/// snapshots (<c>index.html</c>, every snapshot as a thumbnail, linked to the tasks' reports) beside the reports, then
/// reports its own completion through the same transport. Started again for the same run key (a re-drive), it writes the
/// same page and reports again, which the tally records once.
/// </summary>
public sealed class ContactSheetHandler : INextPhaseHandler
{
    private readonly string _root;
    private readonly ICompletionPublisher _publisher;
    private readonly DemoTimeline _timeline;

    /// <summary>Initializes the handler.</summary>
    /// <param name="collection">The collector's options: the contact sheet goes in its folder sink.</param>
    /// <param name="publisher">Reports the phase's completion.</param>
    /// <param name="timeline">Where steps go.</param>
    public ContactSheetHandler(IOptions<CollectionOptions> collection, ICompletionPublisher publisher, DemoTimeline timeline)
    {
        ArgumentNullException.ThrowIfNull(collection);
        var location = SnapshotSinkLocation.Parse(collection.Value.Sink);
        if (location.Kind != SnapshotSinkKind.FileSystem)
        {
            throw new ArgumentException($"The contact sheet needs a folder sink, not {location}.", nameof(collection));
        }

        _root = Path.GetFullPath(Path.Combine(location.Path, location.Prefix));
        _publisher = publisher;
        _timeline = timeline;
    }

    /// <inheritdoc />
    public async Task HandleAsync(PhaseTriggerRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var span = SlotTrace.StartNextPhase(DemoPhases.ContactSheetHandler, request);
        _timeline.Started(DemoPhases.ContactSheetHandler, request);
        var slot = DateTimeOffset.Parse(request.RunKey, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
        var folder = Path.Combine(_root, SnapshotKey.GetSlotPath(slot));
        var snapshots = Directory.EnumerateFiles(folder, "*.jpg").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList();
        var reports = Directory.EnumerateFiles(folder, "report*.html").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList();
        var names = await ReadCameraNamesAsync(folder, cancellationToken);
        var path = Path.Combine(folder, DemoPhases.ContactSheetFile);
        await WriteReplacingAsync(path, ContactSheetPage.Render(slot, snapshots, names, reports, request.Completed), cancellationToken);
        _timeline.Add(DemoPhases.ContactSheetHandler, string.Create(CultureInfo.InvariantCulture, $"wrote {path}: {snapshots.Count} snapshots on one page"));

        var details = string.Create(CultureInfo.InvariantCulture, $"{DemoPhases.ContactSheetFile} lists {snapshots.Count} snapshots");
        await _publisher.PublishAsync(DemoPhases.CompletionTopic, new CompletionMessage(DemoPhases.ContactSheet, DemoPhases.ContactSheetHandler, request.RunKey, CompletionStatus.Succeeded, Details: details), cancellationToken);
    }

    /// <summary>Camera names by id, from the tasks' <c>report-task-{i}.json</c> (<c>cameras[].id</c>, <c>cameras[].name</c>); a report that cannot be read only costs names.</summary>
    private static async Task<Dictionary<string, string>> ReadCameraNamesAsync(string folder, CancellationToken cancellationToken)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var report in Directory.EnumerateFiles(folder, "report*.json"))
        {
            try
            {
                await using var stream = File.OpenRead(report);
                using var document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
                foreach (var camera in document.RootElement.GetProperty("cameras").EnumerateArray())
                {
                    if (camera.TryGetProperty("id", out var id) && camera.TryGetProperty("name", out var name) && id.GetString() is { } key && name.GetString() is { } value)
                    {
                        names[key] = value;
                    }
                }
            }
            catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or IOException)
            {
                // The page falls back to camera ids.
            }
        }

        return names;
    }

    /// <summary>Writes a temporary file and moves it over the page, so a reader never sees half a page.</summary>
    private static async Task WriteReplacingAsync(string path, string content, CancellationToken cancellationToken)
    {
        var temporary = Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        await File.WriteAllTextAsync(temporary, content, cancellationToken);
        File.Move(temporary, path, overwrite: true);
    }
}
