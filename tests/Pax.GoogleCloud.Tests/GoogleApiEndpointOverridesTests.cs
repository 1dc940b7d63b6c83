using Microsoft.Extensions.DependencyInjection;
using Pax.GoogleCloud.Auth;
using Pax.GoogleCloud.Internal;
using Pax.GoogleCloud.Run;
using Pax.GoogleCloud.Scheduler;
using Pax.TestSupport.CloudRun;
using Pax.TestSupport.CloudScheduler;

namespace Pax.GoogleCloud.Tests;

public sealed class GoogleApiEndpointOverridesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_loopback_http_override_is_reached_without_fetching_a_token()
    {
        await using var scheduler = await FakeCloudSchedulerServer.StartAsync(accessToken: null, cancellationToken: Ct);
        scheduler.AddJob(Job("projects/my-project/locations/us-east1/jobs/tick"));
        var tokens = new RefusingTokenProvider();
        await using var services = Services(tokens, name => name == "CLOUDSDK_API_ENDPOINT_OVERRIDES_CLOUDSCHEDULER" ? scheduler.BaseAddress.AbsoluteUri : null);

        var jobs = await services.GetRequiredService<CloudSchedulerClient>().ListJobsAsync("my-project", "us-east1", Ct);

        Assert.Equal("projects/my-project/locations/us-east1/jobs/tick", Assert.Single(jobs).Name);
        Assert.Null(Assert.Single(scheduler.Requests).Authorization);
        Assert.Equal(0, tokens.Calls);
    }

    [Fact]
    public async Task Every_client_of_the_API_honours_the_override()
    {
        await using var run = await FakeCloudRunIamServer.StartAsync(accessToken: null, Ct);
        run.AddService("projects/my-project/locations/us-east1/services/svc", new Uri("https://svc-abc123-ue.a.run.app"));
        await using var services = Services(new RefusingTokenProvider(), name => name == "CLOUDSDK_API_ENDPOINT_OVERRIDES_RUN" ? run.BaseAddress.AbsoluteUri : null);

        var listed = await services.GetRequiredService<CloudRunResourcesClient>().ListServicesAsync("my-project", "us-east1", Ct);
        var bindings = await services.GetRequiredService<CloudRunIamClient>().GetBindingsAsync(listed.Single().Name, Ct);

        Assert.Empty(bindings);
        Assert.Equal(run.BaseAddress, services.GetRequiredService<CloudRunJobsClient>().Endpoint);
        Assert.Equal(2, run.Requests.Count);
    }

    [Theory]
    [InlineData("https://us-east1-run.googleapis.com/")]
    [InlineData("https://run.example.internal/")]
    public void An_https_override_is_authenticated(string value)
    {
        var options = new GoogleCloudOptions();

        GoogleApiEndpointOverrides.Apply(options, name => name == "CLOUDSDK_API_ENDPOINT_OVERRIDES_RUN" ? value : null);

        var endpoint = GoogleServiceEndpoint.ForCloudRun(options);
        Assert.Equal(new Uri(value), endpoint.BaseAddress);
        Assert.False(endpoint.IsEmulator);
    }

    [Theory]
    [InlineData("CLOUDSDK_API_ENDPOINT_OVERRIDES_RUN", "http://127.0.0.1:9000/")]
    [InlineData("CLOUDSDK_API_ENDPOINT_OVERRIDES_CLOUDSCHEDULER", "http://localhost:9000/")]
    [InlineData("CLOUDSDK_API_ENDPOINT_OVERRIDES_PUBSUB", "http://[::1]:9000/")]
    [InlineData("CLOUDSDK_API_ENDPOINT_OVERRIDES_FIRESTORE", "http://127.0.0.2:9000/")]
    [InlineData("CLOUDSDK_API_ENDPOINT_OVERRIDES_CLOUDRESOURCEMANAGER", "http://127.0.0.1:9000/")]
    [InlineData("CLOUDSDK_API_ENDPOINT_OVERRIDES_MONITORING", "http://127.0.0.1:9000/")]
    public void Each_API_variable_sets_its_endpoint_and_loopback_http_goes_anonymous(string variable, string value)
    {
        var options = new GoogleCloudOptions();

        GoogleApiEndpointOverrides.Apply(options, name => name == variable ? value : null);

        var endpoint = variable["CLOUDSDK_API_ENDPOINT_OVERRIDES_".Length..] switch
        {
            "RUN" => GoogleServiceEndpoint.ForCloudRun(options),
            "CLOUDSCHEDULER" => GoogleServiceEndpoint.ForCloudScheduler(options),
            "PUBSUB" => GoogleServiceEndpoint.ForPubSub(options),
            "FIRESTORE" => GoogleServiceEndpoint.ForFirestore(options),
            "MONITORING" => GoogleServiceEndpoint.ForMonitoring(options),
            _ => GoogleServiceEndpoint.ForCloudResourceManager(options),
        };
        Assert.Equal(new Uri(value), endpoint.BaseAddress);
        Assert.True(endpoint.IsEmulator);
    }

    [Fact]
    public void An_endpoint_set_in_options_wins_over_the_variable()
    {
        var options = new GoogleCloudOptions { CloudRunEndpoint = new Uri("https://run.example.com/") };

        GoogleApiEndpointOverrides.Apply(options, _ => "http://127.0.0.1:9000/");

        Assert.Equal(new Uri("https://run.example.com/"), options.CloudRunEndpoint);
        Assert.False(GoogleServiceEndpoint.ForCloudRun(options).IsEmulator);
    }

    [Fact]
    public void An_endpoint_replaced_after_the_override_is_authenticated()
    {
        var options = new GoogleCloudOptions();
        GoogleApiEndpointOverrides.Apply(options, name => name == "CLOUDSDK_API_ENDPOINT_OVERRIDES_RUN" ? "http://127.0.0.1:9000/" : null);

        options.CloudRunEndpoint = new Uri("http://127.0.0.1:9100/");

        Assert.False(GoogleServiceEndpoint.ForCloudRun(options).IsEmulator);
    }

    [Theory]
    [InlineData("run.googleapis.com")]
    [InlineData("ftp://127.0.0.1:9000/")]
    [InlineData("http://127.0.0.1:9000/?alt=json")]
    [InlineData("http://user:secret@127.0.0.1:9000/")]
    [InlineData("http://10.1.2.3:8080/")]
    [InlineData("http://run.example.internal/")]
    public void A_value_that_is_not_https_or_loopback_http_is_refused_with_the_variable_name(string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            GoogleApiEndpointOverrides.Apply(new GoogleCloudOptions(), name => name == "CLOUDSDK_API_ENDPOINT_OVERRIDES_RUN" ? value : null));

        Assert.Contains("CLOUDSDK_API_ENDPOINT_OVERRIDES_RUN", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddPaxGoogleCloud_reads_the_variables_from_the_environment()
    {
        var options = new GoogleCloudOptions();

        new GoogleCloudEnvironmentOptionsSetup(name => name == "CLOUDSDK_API_ENDPOINT_OVERRIDES_CLOUDSCHEDULER" ? "http://127.0.0.1:9000/" : null).Configure(options);

        Assert.Equal(new Uri("http://127.0.0.1:9000/"), options.CloudSchedulerEndpoint);
        Assert.True(GoogleServiceEndpoint.ForCloudScheduler(options).IsEmulator);
    }

    private static ServiceProvider Services(IGoogleAccessTokenProvider tokens, Func<string, string?> environment)
    {
        var services = new ServiceCollection();
        services.AddSingleton(tokens);
        services.AddPaxGoogleCloud(options => GoogleApiEndpointOverrides.Apply(options, environment));
        return services.BuildServiceProvider();
    }

    private static System.Text.Json.Nodes.JsonObject Job(string name) => new()
    {
        ["name"] = name,
        ["schedule"] = "* * * * *",
        ["httpTarget"] = new System.Text.Json.Nodes.JsonObject { ["uri"] = "https://svc-abc123-ue.a.run.app/cron/tick" },
    };

    /// <summary>A token provider that fails the test if it is asked: anonymous endpoints must not fetch a token.</summary>
    private sealed class RefusingTokenProvider : IGoogleAccessTokenProvider
    {
        public int Calls { get; private set; }

        public ValueTask<string?> GetAccessTokenAsync(CancellationToken cancellationToken)
        {
            Calls++;
            throw new InvalidOperationException("An access token was requested for an anonymous endpoint.");
        }
    }
}
