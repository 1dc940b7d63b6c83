
namespace Pax.CameraSimulator.Internal;

/// <summary>Maps the NYCTMC endpoints. Every wait in a request ends when the client leaves or the server stops.</summary>
internal static class SimulatorEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints, SimulatorState state)
    {
        endpoints.MapGet("/api/cameras", context => RunAsync(context, state, CameraListEndpoint.HandleAsync));
        endpoints.MapGet("/api/cameras/{id}/image", context => RunAsync(context, state, CameraImageEndpoint.HandleAsync));
    }

    private static async Task RunAsync(HttpContext context, SimulatorState state, Func<HttpContext, SimulatorState, CancellationToken, Task> handler)
    {
        var stopping = context.RequestServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        try
        {
            await handler(context, state, cancellation.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            // Handled below.
        }

        if (cancellation.IsCancellationRequested)
        {
            // The client left or the server is stopping: cut the connection rather than send a half-made answer.
            context.Abort();
        }
    }
}
