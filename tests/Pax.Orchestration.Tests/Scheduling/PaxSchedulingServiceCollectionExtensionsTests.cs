using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pax.Orchestration.Hosting;
using Pax.Orchestration.Scheduling;
using Pax.Orchestration.Scheduling.Handlers;
using Pax.Orchestration.Scheduling.Stores;
using Pax.Orchestration.Stores;

namespace Pax.Orchestration.Tests.Scheduling;

public sealed class PaxSchedulingServiceCollectionExtensionsTests
{
    [Fact]
    public void Bad_options_fail_at_startup_naming_each_configuration_key()
    {
        using var provider = new ServiceCollection().AddPaxScheduling(o =>
        {
            o.Lease = TimeSpan.Zero;
            o.MaxJobsPerTick = 0;
            o.TickBudget = TimeSpan.FromHours(1);
            o.Store = OrchestrationStoreKind.Firestore;
            o.Authentication.Mode = InboundAuthenticationMode.VerifySignature;
            o.History.MaxOutcomes = 0;
            o.History.MaxAge = TimeSpan.FromMinutes(5);
        }).BuildServiceProvider();

        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<SchedulingOptions>>().Value);

        Assert.Contains(failure.Failures, f => f.StartsWith("Pax:Scheduling:Lease must be between", StringComparison.Ordinal));
        Assert.Contains(failure.Failures, f => f.StartsWith("Pax:Scheduling:MaxJobsPerTick must be between", StringComparison.Ordinal));
        Assert.Contains(failure.Failures, f => f.StartsWith("Pax:Scheduling:TickBudget must be between", StringComparison.Ordinal));
        Assert.Contains(failure.Failures, f => f.StartsWith("Pax:Scheduling:Firestore:ProjectId", StringComparison.Ordinal));
        Assert.Contains(failure.Failures, f => f.StartsWith("Pax:Scheduling:Authentication:AllowedPrincipals", StringComparison.Ordinal));
        Assert.Contains(failure.Failures, f => f.StartsWith("Pax:Scheduling:Authentication:Audience is required", StringComparison.Ordinal));
        Assert.Contains(failure.Failures, f => f.StartsWith("Pax:Scheduling:History:MaxOutcomes must be between 1 and 100", StringComparison.Ordinal));
        Assert.Contains(failure.Failures, f => f.StartsWith("Pax:Scheduling:History:MaxAge must be between", StringComparison.Ordinal));
    }

    [Fact]
    public void A_misspelled_history_key_is_refused_naming_the_key_meant_and_a_right_one_is_bound()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Pax:Scheduling:Authentication:Mode"] = "None",
            ["Pax:Scheduling:History:MaxOutcome"] = "5",
        }).Build();
        var fixedUp = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Pax:Scheduling:Authentication:Mode"] = "None",
            ["Pax:Scheduling:History:MaxOutcomes"] = "5",
            ["Pax:Scheduling:History:MaxAge"] = "7.00:00:00",
        }).Build();
        using var wrong = new ServiceCollection().AddPaxScheduling(configuration.GetSection("Pax:Scheduling")).BuildServiceProvider();
        using var right = new ServiceCollection().AddPaxScheduling(fixedUp.GetSection("Pax:Scheduling")).BuildServiceProvider();

        var failure = Assert.Throws<OptionsValidationException>(() => wrong.GetRequiredService<IOptions<SchedulingOptions>>().Value);

        Assert.Contains(failure.Failures, f => f.Contains("Pax:Scheduling:History:MaxOutcome is not a setting — did you mean 'MaxOutcomes'?", StringComparison.Ordinal));
        var history = right.GetRequiredService<IOptions<SchedulingOptions>>().Value.History;
        Assert.Equal((5, TimeSpan.FromDays(7)), (history.MaxOutcomes, history.MaxAge));
    }

    [Fact]
    public void The_store_is_SQLite_by_default_and_Firestore_with_the_emulator_and_built_in_types_are_registered()
    {
        var directory = Path.Combine(Path.GetTempPath(), "pax-di-" + Guid.NewGuid().ToString("N"));
        using var sqlite = new ServiceCollection()
            .AddPaxScheduling(o => { o.Authentication.Mode = InboundAuthenticationMode.None; o.Sqlite.Path = Path.Combine(directory, "j.db"); })
            .AddPaxScheduling()
            .BuildServiceProvider();
        using var firestore = new ServiceCollection()
            .AddPaxGoogleCloud(o => o.FirestoreEmulatorHost = "127.0.0.1:8080")
            .AddPaxScheduling(o => { o.Authentication.Mode = InboundAuthenticationMode.None; o.Firestore.ProjectId = "p"; })
            .BuildServiceProvider();

        Assert.IsType<SqliteScheduledJobStore>(sqlite.GetRequiredService<IScheduledJobStore>());
        Assert.IsType<FirestoreScheduledJobStore>(firestore.GetRequiredService<IScheduledJobStore>());
        Assert.Equal(["http", "pubsub"], sqlite.GetRequiredService<JobScheduler>().JobTypes.Order(StringComparer.Ordinal));
        Assert.IsType<HttpJobHandler>(sqlite.GetRequiredKeyedService<IScheduledJobHandler>("http"));
        Assert.IsType<PubSubJobHandler>(sqlite.GetRequiredKeyedService<IScheduledJobHandler>("pubsub"));
        Assert.Single(new ServiceCollection().AddPaxScheduling().AddPaxScheduling(), d => d.ServiceType == typeof(JobScheduler));
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public void On_Cloud_Run_the_store_must_be_chosen_explicitly()
    {
        var validator = new Pax.Orchestration.Scheduling.Internal.SchedulingOptionsValidator(name => name == "K_SERVICE" ? "orchestrator" : null);
        var options = new SchedulingOptions { Authentication = { AllowedPrincipals = ["s@p.iam.gserviceaccount.com"] } };

        var unset = validator.Validate(null, options);
        options.Store = OrchestrationStoreKind.Firestore;
        options.Firestore.ProjectId = "p";
        var chosen = validator.Validate(null, options);

        Assert.Contains("Pax:Scheduling:Store is not set and this is Cloud Run service 'orchestrator'", unset.FailureMessage, StringComparison.Ordinal);
        Assert.True(chosen.Succeeded);
    }

    [Theory]
    [InlineData("", "is not a Firestore collection id")]
    [InlineData("a/b", "is not a Firestore collection id")]
    [InlineData("..", "is not a Firestore collection id")]
    [InlineData("__shards__", "is not a Firestore collection id")]
    [InlineData("scheduler_jobs", "need one of their own")]
    [InlineData("scheduler_ticks", "need one of their own")]
    public void A_bad_shards_collection_fails_at_startup_with_its_key(string collection, string reason)
    {
        var validator = new Pax.Orchestration.Scheduling.Internal.SchedulingOptionsValidator(_ => null);
        var options = new SchedulingOptions { Authentication = { Mode = Pax.Orchestration.Hosting.InboundAuthenticationMode.None }, Firestore = { ShardsCollection = collection } };

        var result = validator.Validate(null, options);
        options.Firestore.ShardsCollection = "scheduler_shards";

        Assert.Contains($"Pax:Scheduling:Firestore:ShardsCollection '{collection}' ", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains(reason, result.FailureMessage, StringComparison.Ordinal);
        Assert.True(validator.Validate(null, options).Succeeded);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Upper")]
    [InlineData("a/b")]
    public void A_handler_type_name_is_checked(string type)
    {
        var failure = Assert.Throws<ArgumentException>(() => new ServiceCollection().AddScheduledJobHandler<HttpJobHandler>(type));

        Assert.Contains("is not a job type name", failure.Message, StringComparison.Ordinal);
    }
}
