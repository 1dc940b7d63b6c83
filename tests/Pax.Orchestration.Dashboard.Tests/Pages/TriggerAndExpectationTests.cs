using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Pax.Orchestration.Completion;
using Pax.Orchestration.Completion.Triggers;
using Pax.Orchestration.Dashboard.Tests.Support;

namespace Pax.Orchestration.Dashboard.Tests.Pages;

/// <summary>The dashboard names every configured trigger kind (in-process handlers too) and never expects a run key from before the phase existed.</summary>
public sealed class TriggerAndExpectationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_phase_started_by_an_in_process_handler_shows_the_handler_as_its_next_phase()
    {
        await using var server = await DashboardServer.StartAsync(services: s =>
        {
            s.AddNextPhaseHandler<SheetHandler>("contact-sheet");
            s.PostConfigure<OrchestrationOptions>(o => o.Phases.Add(new PhaseDefinition { Name = "sheet", Processors = ["x"], Trigger = new PhaseTriggerOptions { Handler = "contact-sheet" } }));
        });
        await server.ReportAsync("sheet", "x", "k1");

        var (_, page) = await Html.GetAsync(server.Client, "/pax");
        using var json = JsonDocument.Parse(await server.Client.GetStringAsync("/pax/api/phases?phase=sheet", Ct));
        var (_, runKey) = await Html.GetAsync(server.Client, "/pax/phases/sheet/k1");

        var trigger = json.RootElement.GetProperty("phases")[0].GetProperty("trigger");
        Assert.Equal(("handler", "contact-sheet"), (trigger.GetProperty("kind").GetString(), trigger.GetProperty("target").GetString()));
        Assert.Contains(page.QuerySelectorAll("p.meta"), p => p.TextContent.Contains("next: handler contact-sheet", StringComparison.Ordinal));
        Assert.Contains("Next phase triggered (handler contact-sheet).", runKey.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_freshly_deployed_phase_shows_no_silent_run_keys_from_before_its_first_deployment()
    {
        await using var server = await DashboardServer.StartAsync(services: s =>
            s.PostConfigure<OrchestrationOptions>(o => o.Phases.Single(p => p.Name == "collect").Expected!.Start = null));
        var deployed = server.Time.GetUtcNow();

        using var fresh = JsonDocument.Parse(await server.Client.GetStringAsync("/pax/api/phases?phase=collect", Ct));
        server.Time.Advance(TimeSpan.FromDays(2));
        using var later = JsonDocument.Parse(await server.Client.GetStringAsync("/pax/api/phases?phase=collect", Ct));
        var (_, page) = await Html.GetAsync(server.Client, "/pax");

        Assert.Empty(fresh.RootElement.GetProperty("phases")[0].GetProperty("runKeys").EnumerateArray());
        Assert.Equal(deployed, fresh.RootElement.GetProperty("phases")[0].GetProperty("expectedFrom").GetDateTimeOffset());
        Assert.Equal(["2026-02-12", "2026-02-11"], later.RootElement.GetProperty("phases")[0].GetProperty("runKeys").EnumerateArray().Select(r => r.GetProperty("runKey").GetString()));
        Assert.Contains(page.QuerySelectorAll("p.meta"), p => p.TextContent.Contains("expected run keys from 2026-02-10 12:00:00 UTC", StringComparison.Ordinal));
    }

    private sealed class SheetHandler : INextPhaseHandler
    {
        public Task HandleAsync(PhaseTriggerRequest request, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
