using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Pax.Orchestration.Completion;
using Pax.Orchestration.Completion.Watchdog;
using Pax.Orchestration.Dashboard.Tests.Support;
using Pax.TestSupport.PubSub;

namespace Pax.Orchestration.Dashboard.Tests.Api;

/// <summary>
/// A next-phase trigger that Google refuses (Pub/Sub answers 403 <c>PERMISSION_DENIED</c>: the orchestrator's account
/// cannot publish) is shown where operators look, on both stores: <c>lastTriggerError</c> in <c>/pax/api/phases</c>,
/// <c>/pax/api/phases/{phase}/{runKey}</c> and <c>GET /tallies/{phase}/{runKey}</c>, a "trigger failed" badge in the
/// grid, the message, time and attempts on the run key's page; a later success clears all of it.
/// </summary>
public sealed class TriggerFailureTests(FirestoreEmulatorFixture emulator) : IClassFixture<FirestoreEmulatorFixture>
{
    private const string Topic = "projects/p/topics/next";
    private const string RunKey = "2026-02-10";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public Task On_SQLite_a_Google_403_is_shown_in_both_documents_and_pages_and_a_later_success_clears_it() => RunAsync(firestore: null);

    [Fact]
    public async Task On_Firestore_a_Google_403_is_shown_in_both_documents_and_pages_and_a_later_success_clears_it() =>
        await RunAsync((await emulator.FirestoreAsync()).HostPort);

    private static async Task RunAsync(string? firestore)
    {
        await using var pubSub = await FakePubSubServer.StartAsync(accessToken: null, Ct);
        pubSub.AddTopic(Topic);
        pubSub.FailNext(1, 403, "PERMISSION_DENIED", "User not authorized to perform this action.");
        await using var server = await DashboardServer.StartAsync(firestoreEmulator: firestore, pubSub: pubSub);
        var failedAt = server.Time.GetUtcNow();

        var receipt = await server.ReportAsync("publish", "x", RunKey);
        var failed = await ReadAsync(server);
        server.Time.Advance(TimeSpan.FromMinutes(2));
        var watchdog = await server.Services.GetRequiredService<CompletionWatchdog>().RunAsync(Ct);
        var cleared = await ReadAsync(server);

        Assert.Equal(DriveOutcome.TriggerFailed, receipt.Drive);
        foreach (var error in new[] { failed.GridError, failed.RunKeyError, failed.SummaryError, failed.TallyError })
        {
            Assert.Equal(JsonValueKind.Object, error.ValueKind);
            Assert.Equal(["at", "message", "attempts"], error.EnumerateObject().Select(p => p.Name));
            Assert.Equal(failedAt, error.GetProperty("at").GetDateTimeOffset());
            Assert.StartsWith("HTTP 403 PERMISSION_DENIED: ", error.GetProperty("message").GetString(), StringComparison.Ordinal);
            Assert.Contains("User not authorized to perform this action.", error.GetProperty("message").GetString(), StringComparison.Ordinal);
            Assert.Equal(1, error.GetProperty("attempts").GetInt32());
        }

        Assert.Equal("trigger failed", failed.GridBadge);
        Assert.StartsWith("HTTP 403 PERMISSION_DENIED: ", failed.PageMessage, StringComparison.Ordinal);
        Assert.Equal(("2026-02-10 12:00:00 UTC", "1"), (failed.PageFailedAt, failed.PageAttempts));
        var entry = Assert.Single(failed.Timeline, e => e[0].StartsWith("Trigger failed (1 failed attempt so far", StringComparison.Ordinal));
        Assert.StartsWith("HTTP 403 PERMISSION_DENIED: ", entry[1], StringComparison.Ordinal);

        Assert.Equal(DriveOutcome.Triggered, Assert.Single(watchdog.Redriven).Outcome);
        Assert.Single(pubSub.Published);
        Assert.All(new[] { cleared.GridError, cleared.RunKeyError, cleared.SummaryError, cleared.TallyError }, e => Assert.Equal(JsonValueKind.Null, e.ValueKind));
        Assert.Equal("triggered", cleared.GridBadge);
        Assert.Null(cleared.PageMessage);
        Assert.DoesNotContain(cleared.Timeline, e => e[0].StartsWith("Trigger failed", StringComparison.Ordinal));
    }

    private static async Task<Seen> ReadAsync(DashboardServer server)
    {
        using var phases = await JsonAsync(server, "/pax/api/phases");
        using var runKey = await JsonAsync(server, $"/pax/api/phases/publish/{RunKey}");
        using var tally = await JsonAsync(server, $"/tallies/publish/{RunKey}");
        var row = phases.RootElement.GetProperty("phases").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "publish")
            .GetProperty("runKeys").EnumerateArray().Single(r => r.GetProperty("runKey").GetString() == RunKey);
        var (_, grid) = await Html.GetAsync(server.Client, "/pax");
        var (_, page) = await Html.GetAsync(server.Client, $"/pax/phases/publish/{RunKey}");
        var trigger = Html.Table(page, "Trigger");
        string? Cell(string name) => trigger.QuerySelectorAll("tbody tr").FirstOrDefault(r => r.QuerySelector("th")!.TextContent == name)?.QuerySelector("td")!.TextContent.Trim();
        return new Seen(
            row.GetProperty("lastTriggerError").Clone(),
            runKey.RootElement.GetProperty("lastTriggerError").Clone(),
            runKey.RootElement.GetProperty("summary").GetProperty("lastTriggerError").Clone(),
            tally.RootElement.GetProperty("lastTriggerError").Clone(),
            string.Join(" ", Html.Row(Html.Table(grid, "Latest run keys of publish"), RunKey).QuerySelectorAll("td:first-of-type span.badge").Select(b => b.TextContent)),
            Cell("Last trigger error"),
            Cell("Failed at"),
            Cell("Failed attempts"),
            TimelineOf(page));
    }

    /// <summary>The timeline's rows: event text and details.</summary>
    private static List<string[]> TimelineOf(AngleSharp.Dom.IDocument page) =>
        page.QuerySelectorAll("h2").Single(h => h.TextContent == "Timeline").NextElementSibling!.QuerySelectorAll("tbody tr")
            .Select(r => new[] { r.Children[1].TextContent, r.Children[4].TextContent }).ToList();

    private static async Task<JsonDocument> JsonAsync(DashboardServer server, string path)
    {
        var response = await server.Client.GetAsync(path, Ct);
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
    }

    private sealed record Seen(
        JsonElement GridError,
        JsonElement RunKeyError,
        JsonElement SummaryError,
        JsonElement TallyError,
        string GridBadge,
        string? PageMessage,
        string? PageFailedAt,
        string? PageAttempts,
        IReadOnlyList<string[]> Timeline);
}
