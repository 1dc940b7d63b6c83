using Pax.CameraSimulator;

namespace Pax.IntegrationTests.Simulator;

/// <summary>An HttpClient for poking the simulator directly.</summary>
internal static class SimulatorHttp
{
    public static HttpClient CreateClient(CameraSimulatorServer server, TimeSpan? timeout = null) =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false }, disposeHandler: true)
        {
            BaseAddress = server.BaseAddress,
            Timeout = timeout ?? TimeSpan.FromSeconds(30),
        };
}
