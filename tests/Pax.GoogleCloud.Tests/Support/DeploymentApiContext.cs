using Microsoft.Extensions.DependencyInjection;
using Pax.GoogleCloud.Auth;
using Pax.GoogleCloud.Run;
using Pax.GoogleCloud.Scheduler;
using Pax.TestSupport.CloudRun;
using Pax.TestSupport.CloudScheduler;

namespace Pax.GoogleCloud.Tests.Support;

/// <summary>The fake Cloud Scheduler and Cloud Run Admin servers, and the clients from <c>AddPaxGoogleCloud</c> pointed at them with retries that do not wait.</summary>
internal sealed class DeploymentApiContext : IAsyncDisposable
{
    public const string AccessToken = "deploy-access-token";

    private DeploymentApiContext(FakeCloudSchedulerServer scheduler, FakeCloudRunIamServer runAdmin, ServiceProvider services)
    {
        Scheduler = scheduler;
        RunAdmin = runAdmin;
        Services = services;
    }

    public FakeCloudSchedulerServer Scheduler { get; }

    public FakeCloudRunIamServer RunAdmin { get; }

    public ServiceProvider Services { get; }

    public CloudSchedulerClient SchedulerClient => Services.GetRequiredService<CloudSchedulerClient>();

    public CloudRunIamClient IamClient => Services.GetRequiredService<CloudRunIamClient>();

    public static async Task<DeploymentApiContext> StartAsync(Action<GoogleCloudOptions>? configure = null)
    {
        var scheduler = await FakeCloudSchedulerServer.StartAsync(AccessToken, cancellationToken: TestContext.Current.CancellationToken);
        var runAdmin = await FakeCloudRunIamServer.StartAsync(AccessToken, TestContext.Current.CancellationToken);
        var services = new ServiceCollection();
        services.AddSingleton<IGoogleAccessTokenProvider>(new StaticAccessTokenProvider(AccessToken));
        services.AddPaxGoogleCloud(options =>
        {
            options.CloudSchedulerEndpoint = scheduler.BaseAddress;
            options.CloudRunEndpoint = runAdmin.BaseAddress;
            GoogleApiProbeContext.UseInstantRetries(options);
            configure?.Invoke(options);
        });
        return new DeploymentApiContext(scheduler, runAdmin, services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }));
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Scheduler.DisposeAsync();
        await RunAdmin.DisposeAsync();
    }
}
