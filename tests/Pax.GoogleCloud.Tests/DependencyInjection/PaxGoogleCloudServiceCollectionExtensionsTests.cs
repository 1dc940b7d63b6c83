using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pax.GoogleCloud.Auth;
using Pax.GoogleCloud.Internal;
using Pax.GoogleCloud.Run;
using Pax.GoogleCloud.Scheduler;
using Pax.GoogleCloud.Tests.Support;
using Pax.TestSupport.Gcs;

namespace Pax.GoogleCloud.Tests.DependencyInjection;

public sealed class PaxGoogleCloudServiceCollectionExtensionsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Calling_it_twice_adds_the_handlers_once()
    {
        await using var context = await GoogleApiProbeContext.StartAsync(
            options => options.Retry.MaxRetryAttempts = 2,
            services: services => services.AddPaxGoogleCloud());
        context.Server.EnqueueFault(r => r.IsGetMetadata, FakeGcsFault.Status(HttpStatusCode.ServiceUnavailable), count: 20);

        using var response = await context.GetObjectMetadataAsync("a.jpg", Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(3, context.Server.Requests.Count);
    }

    [Fact]
    public void Registers_application_default_credentials_unless_a_provider_is_registered()
    {
        using var defaults = new ServiceCollection().AddPaxGoogleCloud().BuildServiceProvider();
        var own = new StaticAccessTokenProvider("mine");
        using var replaced = new ServiceCollection().AddSingleton<IGoogleAccessTokenProvider>(own).AddPaxGoogleCloud().BuildServiceProvider();

        Assert.IsType<ApplicationDefaultAccessTokenProvider>(defaults.GetRequiredService<IGoogleAccessTokenProvider>());
        Assert.Same(own, replaced.GetRequiredService<IGoogleAccessTokenProvider>());
    }

    [Fact]
    public void Registers_the_deployment_clients_on_Googles_endpoints_unless_configured()
    {
        using var defaults = new ServiceCollection().AddPaxGoogleCloud().BuildServiceProvider();
        using var configured = new ServiceCollection()
            .AddPaxGoogleCloud(o => o.CloudSchedulerEndpoint = new Uri("http://127.0.0.1:9/scheduler"))
            .BuildServiceProvider();

        Assert.Equal(new Uri("https://cloudscheduler.googleapis.com/"), defaults.GetRequiredService<CloudSchedulerClient>().Endpoint);
        Assert.Equal(new Uri("https://run.googleapis.com/"), defaults.GetRequiredService<CloudRunIamClient>().Endpoint);
        Assert.Equal(new Uri("http://127.0.0.1:9/scheduler/"), configured.GetRequiredService<CloudSchedulerClient>().Endpoint);
    }

    [Fact]
    public void The_emulator_hosts_are_read_from_the_variables_Googles_clients_read()
    {
        var services = new ServiceCollection();
        services.AddPaxGoogleCloud();
        var variables = new Dictionary<string, string>
        {
            ["STORAGE_EMULATOR_HOST"] = "http://127.0.0.1:4443",
            ["FIRESTORE_EMULATOR_HOST"] = "127.0.0.1:8080",
            ["PUBSUB_EMULATOR_HOST"] = "127.0.0.1:8085",
        };
        ReplaceEnvironment(services, variables.GetValueOrDefault);
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<GoogleCloudOptions>>().Value;

        Assert.Equal(("http://127.0.0.1:4443", "127.0.0.1:8080", "127.0.0.1:8085"), (options.StorageEmulatorHost, options.FirestoreEmulatorHost, options.PubSubEmulatorHost));
    }

    [Fact]
    public void Options_set_in_code_override_the_environment()
    {
        var services = new ServiceCollection();
        services.AddPaxGoogleCloud(options => options.StorageEmulatorHost = null);
        // Every emulator variable is set (CLOUDSDK_API_ENDPOINT_OVERRIDES_* take URLs, not hosts, and are tested elsewhere).
        ReplaceEnvironment(services, name => name.EndsWith("_EMULATOR_HOST", StringComparison.Ordinal) ? "127.0.0.1:9023" : null);
        using var provider = services.BuildServiceProvider();

        Assert.Null(provider.GetRequiredService<IOptions<GoogleCloudOptions>>().Value.StorageEmulatorHost);
    }

    [Fact]
    public void Binds_options_from_a_configuration_section()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["GoogleCloud:StorageEndpoint"] = "https://storage.europe-west1.rep.googleapis.com",
            ["GoogleCloud:Retry:InitialDelay"] = "00:00:00.250",
            ["GoogleCloud:Retry:MaxRetryAttempts"] = "7",
        }).Build();
        using var provider = new ServiceCollection().AddPaxGoogleCloud(configuration.GetSection(GoogleCloudOptions.SectionName)).BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<GoogleCloudOptions>>().Value;

        Assert.Equal(new Uri("https://storage.europe-west1.rep.googleapis.com"), options.StorageEndpoint);
        Assert.Equal(TimeSpan.FromMilliseconds(250), options.Retry.InitialDelay);
        Assert.Equal(7, options.Retry.MaxRetryAttempts);
        Assert.Equal(TimeSpan.FromSeconds(32), options.Retry.MaxDelay);
    }

    public static TheoryData<Action<GoogleCloudOptions>, string> InvalidOptions => new()
    {
        { o => o.StorageEndpoint = new Uri("ftp://storage.local"), "GoogleCloud:StorageEndpoint" },
        { o => o.StorageEndpoint = new Uri("https://storage.local/?q=1"), "GoogleCloud:StorageEndpoint" },
        { o => o.StorageEmulatorHost = "http://127.0.0.1:9023/path", "GoogleCloud:StorageEmulatorHost" },
        { o => o.CloudSchedulerEndpoint = new Uri("https://scheduler.local/#x"), "GoogleCloud:CloudSchedulerEndpoint" },
        { o => o.Retry.InitialDelay = TimeSpan.FromSeconds(-1), "GoogleCloud:Retry:InitialDelay" },
        { o => o.Retry.MaxDelay = TimeSpan.FromMilliseconds(500), "GoogleCloud:Retry:MaxDelay" },
        { o => o.Retry.Multiplier = 0.5, "GoogleCloud:Retry:Multiplier" },
        { o => o.Retry.Multiplier = double.NaN, "GoogleCloud:Retry:Multiplier" },
        { o => o.Retry.MaxRetryAttempts = 0, "GoogleCloud:Retry:MaxRetryAttempts" },
        { o => o.Retry.AttemptTimeout = TimeSpan.FromMilliseconds(1), "GoogleCloud:Retry:AttemptTimeout" },
        { o => o.Retry.TotalTimeout = TimeSpan.FromDays(2), "GoogleCloud:Retry:TotalTimeout" },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void Invalid_options_fail_with_the_configuration_key(Action<GoogleCloudOptions> configure, string key)
    {
        using var provider = new ServiceCollection().AddPaxGoogleCloud(configure).BuildServiceProvider();

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<GoogleCloudOptions>>().Value);

        Assert.Contains(key, exception.Message, StringComparison.Ordinal);
    }

    private static void ReplaceEnvironment(IServiceCollection services, Func<string, string?> getVariable)
    {
        var registered = services.Single(d => d.ImplementationType == typeof(GoogleCloudEnvironmentOptionsSetup));
        services[services.IndexOf(registered)] = ServiceDescriptor.Singleton<IConfigureOptions<GoogleCloudOptions>>(new GoogleCloudEnvironmentOptionsSetup(getVariable));
    }
}
