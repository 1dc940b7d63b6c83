using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Pax.Orchestration.Completion;
using Pax.Orchestration.Dashboard.Tests.Support;

namespace Pax.Orchestration.Dashboard.Tests.Api;

/// <summary>A phase of 120 named processors (the wide layout): its row is counted, not drawn a column per processor, and its run key's processors come a page at a time.</summary>
public sealed class WideFanInDashboardTests
{
    private static readonly string[] Names = [.. Enumerable.Range(0, 120).Select(i => $"task-{i:0000}")];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_wide_run_key_is_counted_on_the_phase_page_and_paged_on_its_own_page()
    {
        await using var server = await DashboardServer.StartAsync(
            o => o.PageSize = 50,
            s => s.PostConfigure<OrchestrationOptions>(o => o.Phases.Add(new PhaseDefinition { Name = "fan", Processors = [.. Names], CustomTrigger = new DashboardServer.NoopTrigger() })));
        await server.ReportAsync("fan", Names[0], "k1", CompletionStatus.Failed);
        foreach (var name in Names.Skip(1))
        {
            await server.ReportAsync("fan", name, "k1");
        }

        using var phases = JsonDocument.Parse(await server.Client.GetStringAsync("/pax/api/phases?phase=fan", Ct));
        var row = phases.RootElement.GetProperty("phases")[0].GetProperty("runKeys")[0];
        var html = await server.Client.GetStringAsync("/pax/?phase=fan", Ct);
        var pages = new List<JsonElement>();
        string? after = null;
        do
        {
            using var page = JsonDocument.Parse(await server.Client.GetStringAsync("/pax/api/phases/fan/k1" + (after is null ? string.Empty : "?after=" + Uri.EscapeDataString(after)), Ct));
            pages.Add(page.RootElement.Clone());
            after = page.RootElement.GetProperty("reportsNext").GetString();
        }
        while (after is not null && pages.Count < 5);

        Assert.Equal((119, 1, 0), (row.GetProperty("succeeded").GetInt32(), row.GetProperty("failed").GetInt32(), row.GetProperty("processors").GetArrayLength()));
        Assert.DoesNotContain(">task-0001</th>", html, StringComparison.Ordinal);
        Assert.Contains("1 failed", html, StringComparison.Ordinal);
        var cells = pages.Select(p => p.GetProperty("summary").GetProperty("processors").EnumerateArray().Select(c => c.GetProperty("processor").GetString()).ToList()).ToList();
        Assert.Equal([50, 50, 20], cells.Select(c => c.Count));
        Assert.Equal(Names, cells.SelectMany(c => c));
        Assert.Equal("failed", pages[0].GetProperty("summary").GetProperty("processors")[0].GetProperty("status").GetString());
        Assert.Contains("Next processors", await server.Client.GetStringAsync("/pax/phases/fan/k1", Ct), StringComparison.Ordinal);
    }
}
