using System.Text;
using System.Text.Json;

namespace Pax.CameraSimulator.Internal;

/// <summary><c>GET /api/cameras</c> (and <c>/api/cameras/</c>): the bare JSON array NYCTMC serves, or the configured list fault.</summary>
internal static class CameraListEndpoint
{
    public static async Task HandleAsync(HttpContext context, SimulatorState state, CancellationToken cancellationToken)
    {
        state.CountCameraListRequest();
        if (!await Pause.TryDelayAsync(state.Options.ListLatency, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var response = context.Response;
        response.Headers.CacheControl = "no-store";
        if (state.Options.CameraListFault == CameraListFault.Down)
        {
            response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            response.ContentType = "text/plain";
            await response.WriteAsync("Service Unavailable", cancellationToken).ConfigureAwait(false);
            return;
        }

        response.ContentType = "application/json; charset=utf-8";
        var json = state.Options.CameraListFault switch
        {
            CameraListFault.Empty => "[]",
            CameraListFault.NotAnArray => """{"cameras":[]}""",
            _ => Serialize(context, state),
        };
        if (state.Options.CameraListFault == CameraListFault.MalformedJson)
        {
            json = json[..(json.Length / 2)];
        }

        await response.WriteAsync(json, Encoding.UTF8, cancellationToken).ConfigureAwait(false);
    }

    private static string Serialize(HttpContext context, SimulatorState state)
    {
        var origin = $"{context.Request.Scheme}://{context.Request.Host}";
        var records = state.Cameras
            .Select(c => SimulatorState.WithImageUrl(c.Camera, origin))
            .Select(c => new SimulatedCameraRecord(c.Id, c.Name, c.Latitude, c.Longitude, c.Area, c.IsOnline ? "true" : "false", c.ImageUrl!.AbsoluteUri))
            .ToList();
        return JsonSerializer.Serialize(records, SimulatorJsonContext.Default.ListSimulatedCameraRecord);
    }
}
