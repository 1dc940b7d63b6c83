using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using Pax.GoogleCloud.PubSub;
using Pax.Orchestration.Completion;
using Pax.Orchestration.Tests.Support;

namespace Pax.Orchestration.Tests.Completion;

/// <summary>
/// The completion contract (<see cref="CompletionWireFormat"/>, Pax.Orchestration.Abstractions) between processors and
/// the intake. The collector publishes through <see cref="CompletionWireFormat.Encode"/> (Pax.Collection's
/// CompletionNotice); the end-to-end run over the emulators is Pax.IntegrationTests' CollectorToIntakeTests.
/// </summary>
public sealed class CompletionContractTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_message_encoded_by_the_shared_contract_is_recorded_by_the_intake_with_its_status_and_details()
    {
        await using var server = await OrchestratorServer.StartAsync();
        var encoded = CompletionWireFormat.Encode(new CompletionMessage("phase2", "a", "2026-02-10T14:30:00Z", CompletionStatus.Failed, Details: "3 of 40 eligible cameras stored"));

        var response = await server.Client.PostAsync("/", PushBodies.Json(Wrapped(encoded, "m-1")), Ct);
        var tally = await server.Client.GetFromJsonAsync<JsonObject>("/tallies/phase2/2026-02-10T14:30:00Z", Ct);

        Assert.Equal("recorded", (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!["outcome"]!.GetValue<string>());
        Assert.Equal(["a"], tally!["failed"]!.AsArray().Select(n => n!.GetValue<string>()));
    }

    [Fact]
    public async Task The_encoded_data_alone_carries_every_field_so_an_unwrapping_subscription_without_attributes_still_records_it()
    {
        await using var server = await OrchestratorServer.StartAsync();
        var encoded = CompletionWireFormat.Encode(new CompletionMessage(null, "b", "k1", CompletionStatus.Succeeded));

        var response = await server.Client.PostAsync("/", new ByteArrayContent(encoded.Data!), Ct);

        Assert.Equal("recorded", (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!["outcome"]!.GetValue<string>());
        Assert.Equal(
            ["phase", "processor", "runKey", "status", "details"],
            [CompletionWireFormat.PhaseField, CompletionWireFormat.ProcessorField, CompletionWireFormat.RunKeyField, CompletionWireFormat.StatusField, CompletionWireFormat.DetailsField]);
    }

    [Fact]
    public async Task A_message_that_drifted_from_the_contract_is_acknowledged_but_rejected_loudly_with_a_warning_and_a_rejected_metric()
    {
        await using var server = await OrchestratorServer.StartAsync(services: s => s.AddLogging(b => b.AddFakeLogging()));
        using var deliveries = new MetricCollector<long>(server.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), "Pax.Orchestration", "pax.orchestration.deliveries");

        // A publisher that renamed runKey → run_key: every completion it sends would be lost without this alarm.
        var drifted = new JsonObject { ["phase"] = "phase2", ["processor"] = "a", ["run_key"] = "k1", ["status"] = "succeeded" }.ToJsonString();
        var response = await server.Client.PostAsync("/", PushBodies.Json(PushBodies.Wrapped(drifted, "m-9")), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("rejected", (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!["outcome"]!.GetValue<string>());
        var measurement = Assert.Single(deliveries.GetMeasurementSnapshot());
        Assert.Equal(("rejected", "contract"), ((string?)measurement.Tags["pax.outcome"], (string?)measurement.Tags["pax.reason"]));
        var warning = Assert.Single(server.Services.GetFakeLogCollector().GetSnapshot(), r => r.Id.Name == "Rejected");
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("m-9 (contract): the message has no 'runKey'", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_message_that_follows_the_contract_with_an_unknown_phase_is_rejected_as_invalid_not_as_contract()
    {
        await using var server = await OrchestratorServer.StartAsync();
        using var deliveries = new MetricCollector<long>(server.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), "Pax.Orchestration", "pax.orchestration.deliveries");
        var encoded = CompletionWireFormat.Encode(new CompletionMessage("phase9", "a", "k1", CompletionStatus.Succeeded));

        await server.Client.PostAsync("/", PushBodies.Json(Wrapped(encoded, "m-2")), Ct);

        var measurement = Assert.Single(deliveries.GetMeasurementSnapshot());
        Assert.Equal(("rejected", "invalid"), ((string?)measurement.Tags["pax.outcome"], (string?)measurement.Tags["pax.reason"]));
    }

    private static string Wrapped(PubSubOutgoingMessage message, string messageId) =>
        PushBodies.Wrapped(Encoding.UTF8.GetString(message.Data!), messageId, message.Attributes);
}
