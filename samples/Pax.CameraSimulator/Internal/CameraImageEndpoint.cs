using System.Text;

namespace Pax.CameraSimulator.Internal;

/// <summary><c>GET /api/cameras/{id}/image</c>: the camera's JPEG (<c>image/jpeg</c>), 404 for an unknown id, or the request's fault.</summary>
internal static class CameraImageEndpoint
{
    private const int SlowBodyPieces = 16;

    /// <summary>How long a truncated response waits after sending half its body before cutting the connection, so the
    /// headers and the first half reach the client before the reset does (a reset can discard unread data).</summary>
    private static readonly TimeSpan TruncationSettle = TimeSpan.FromMilliseconds(100);

    private static readonly byte[] HtmlPage = Encoding.UTF8.GetBytes(
        "<!DOCTYPE html><html><head><title>Camera unavailable</title></head><body><h1>Camera unavailable</h1><p>Please try again later.</p></body></html>");

    public static async Task HandleAsync(HttpContext context, SimulatorState state, CancellationToken cancellationToken)
    {
        var response = context.Response;
        var known = state.TryGet(context.GetRouteValue("id") as string, out var camera);
        var fault = known ? state.Faults.Next(camera) : CameraFault.None;
        if (!await Pause.TryDelayAsync(state.Options.Latency, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        if (!known)
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            response.ContentType = "text/plain";
            await response.WriteAsync("Camera not found", cancellationToken).ConfigureAwait(false);
            return;
        }

        response.Headers.CacheControl = "no-store";
        switch (fault)
        {
            case CameraFault.Timeout:
                // Hold until the client gives up (RequestAborted) or the server stops; never longer than MaxHold.
                if (await Pause.TryDelayAsync(state.Options.MaxHold, cancellationToken).ConfigureAwait(false))
                {
                    response.StatusCode = StatusCodes.Status504GatewayTimeout;
                }

                return;
            case CameraFault.ServerError:
                response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                response.ContentType = "text/plain";
                await response.WriteAsync("Service Unavailable", cancellationToken).ConfigureAwait(false);
                return;
            case CameraFault.NotJpeg:
                await WriteAsync(response, "text/html; charset=utf-8", HtmlPage, cancellationToken).ConfigureAwait(false);
                return;
            case CameraFault.Truncated:
                await WriteTruncatedAsync(context, state.Images.GetImage(camera), cancellationToken).ConfigureAwait(false);
                return;
            case CameraFault.SlowBody:
                await WriteSlowlyAsync(response, state.Images.GetImage(camera), state.Options.SlowBodyDuration, cancellationToken).ConfigureAwait(false);
                return;
            default:
                await WriteAsync(response, "image/jpeg", state.Images.GetImage(camera), cancellationToken).ConfigureAwait(false);
                return;
        }
    }

    private static async Task WriteAsync(HttpResponse response, string contentType, byte[] body, CancellationToken cancellationToken)
    {
        response.ContentType = contentType;
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, cancellationToken).ConfigureAwait(false);
    }

    private static async Task WriteTruncatedAsync(HttpContext context, byte[] body, CancellationToken cancellationToken)
    {
        context.Response.ContentType = "image/jpeg";
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body.AsMemory(0, body.Length / 2), cancellationToken).ConfigureAwait(false);
        await context.Response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
        await Pause.TryDelayAsync(TruncationSettle, cancellationToken).ConfigureAwait(false);
        context.Abort();
    }

    private static async Task WriteSlowlyAsync(HttpResponse response, byte[] body, TimeSpan duration, CancellationToken cancellationToken)
    {
        response.ContentType = "image/jpeg";
        response.ContentLength = body.Length;
        var piece = (body.Length + SlowBodyPieces - 1) / SlowBodyPieces;
        for (var offset = 0; offset < body.Length; offset += piece)
        {
            if (offset > 0 && !await Pause.TryDelayAsync(duration / SlowBodyPieces, cancellationToken).ConfigureAwait(false))
            {
                return;
            }

            await response.Body.WriteAsync(body.AsMemory(offset, Math.Min(piece, body.Length - offset)), cancellationToken).ConfigureAwait(false);
            await response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
