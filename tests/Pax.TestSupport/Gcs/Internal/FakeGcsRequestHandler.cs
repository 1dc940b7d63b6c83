using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;

namespace Pax.TestSupport.Gcs.Internal;

/// <summary>
/// Handles one request: record it, apply an injected fault, route it, check the bearer token and permissions,
/// do the work, and write the answer (or the fault's version of it).
/// </summary>
internal sealed class FakeGcsRequestHandler(
    FakeGcsStore store,
    FakeGcsServerOptions options,
    FakeGcsFaultQueue faults,
    FakeGcsRequestLog log,
    FakeGcsPermissions permissions,
    Func<Uri> baseAddress,
    CancellationToken stopping)
{
    private readonly FakeGcsUploads _uploads = new(store, options, permissions);
    private readonly FakeGcsReads _reads = new(store, options);

    public async Task HandleAsync(HttpContext context)
    {
        using var open = log.Open();
        var request = await RecordAsync(context);
        log.Add(request);
        if (options.Latency > TimeSpan.Zero)
        {
            await Task.Delay(options.Latency, options.TimeProvider, context.RequestAborted);
        }

        var fault = faults.Take(request);
        switch (fault?.Kind)
        {
            case FakeGcsFaultKind.AbortConnection:
                context.Abort();
                return;
            case FakeGcsFaultKind.Hang:
                await WaitUntilAbortedAsync(context);
                return;
            case FakeGcsFaultKind.Status:
                await WriteAsync(context, FakeGcsResponse.Transient((int)fault.StatusCode));
                return;
        }

        if (fault?.Kind == FakeGcsFaultKind.CorruptUpload && request.Body.Length > 0)
        {
            var corrupted = request.Body.ToArray();
            corrupted[^1] ^= 0xFF;
            request = request with { Body = corrupted };
        }

        var response = await ProcessAsync(request);
        switch (fault?.Kind)
        {
            case FakeGcsFaultKind.LoseResponse:
                response = FakeGcsResponse.Transient((int)fault.StatusCode);
                break;
            case FakeGcsFaultKind.WrongCrc32c:
                ReportWrongCrc32c(response);
                break;
            case FakeGcsFaultKind.CorruptMedia when response.Body.Length > 0:
                response.Body = [.. response.Body];
                response.Body[0] ^= 0xFF;
                break;
            case FakeGcsFaultKind.TruncateBody:
                await WriteTruncatedAsync(context, response);
                return;
        }

        await WriteAsync(context, response);
    }

    private async Task<FakeGcsResponse> ProcessAsync(RecordedGcsRequest request)
    {
        if (FakeGcsRoute.Parse(request) is not { } route)
        {
            return FakeGcsResponse.PlainNotFound();
        }

        if (Authorize(route, request) is { } refusal)
        {
            return refusal;
        }

        return route.Kind switch
        {
            FakeGcsRouteKind.Upload => await _uploads.HandleAsync(route, request, baseAddress()),
            FakeGcsRouteKind.ResumableChunk => _uploads.HandleChunk(request, baseAddress()),
            FakeGcsRouteKind.List => _reads.List(route, request, baseAddress()),
            _ => _reads.Get(route, request, baseAddress()),
        };
    }

    private FakeGcsResponse? Authorize(FakeGcsRoute route, RecordedGcsRequest request)
    {
        // 401 without or with a bad token, 403 naming the missing permission: cloud.google.com/storage/docs/json_api/v1/status-codes
        // (401 "required"/"authError", 403 "forbidden"), with the IAM wording Cloud Storage uses in its 403 message.
        var denial = $"does not have {route.Permission} access to the Google Cloud Storage object. Permission '{route.Permission}' denied on resource (or it may not exist).";
        if (options.AccessToken is { } expected)
        {
            var authorization = request.Authorization;
            if (authorization is null)
            {
                var refusal = FakeGcsResponse.Error(401, $"Anonymous caller {denial}", "required", "Authorization", "header");
                refusal.Headers.Add(new("WWW-Authenticate", "Bearer realm=\"https://accounts.google.com/\""));
                return refusal;
            }

            if (authorization != $"Bearer {expected}")
            {
                return FakeGcsResponse.Error(401, "Invalid Credentials", "authError", "Authorization", "header");
            }
        }

        return permissions.IsDenied(route.Permission)
            ? FakeGcsResponse.Error(403, $"{options.Principal} {denial}", "forbidden")
            : null;
    }

    private async Task<RecordedGcsRequest> RecordAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        var rawTarget = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        var query = QueryHelpers.ParseQuery(context.Request.QueryString.Value)
            .ToDictionary(p => p.Key, p => p.Value[^1] ?? string.Empty, StringComparer.Ordinal);
        var headers = context.Request.Headers
            .ToDictionary(h => h.Key, h => h.Value.Select(v => v ?? string.Empty).ToArray(), StringComparer.OrdinalIgnoreCase);
        var request = new RecordedGcsRequest(context.Request.Method, rawTarget, query, headers, body.ToArray(), options.TimeProvider.GetUtcNow());
        return request with { ObjectName = await GetObjectNameAsync(request) };
    }

    private static async Task<string?> GetObjectNameAsync(RecordedGcsRequest request)
    {
        var route = FakeGcsRoute.Parse(request);
        if (route?.Kind != FakeGcsRouteKind.Upload)
        {
            return route?.ObjectName;
        }

        return request.Query.GetValueOrDefault("uploadType") switch
        {
            "multipart" => (await FakeGcsUploadParser.ReadMultipartAsync(request)).Upload?.Name,
            "resumable" => SafeName(() => FakeGcsUploadParser.ReadResumableInitiation(request).Upload?.Name),
            _ => request.Query.GetValueOrDefault("name"),
        };
    }

    private static string? SafeName(Func<string?> read)
    {
        try
        {
            return read();
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException)
        {
            return null;
        }
    }

    private async Task WaitUntilAbortedAsync(HttpContext context)
    {
        using var either = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        try
        {
            await Task.Delay(Timeout.Infinite, either.Token);
        }
        catch (OperationCanceledException)
        {
            context.Abort();
        }
    }

    private static void ReportWrongCrc32c(FakeGcsResponse response)
    {
        const string wrong = "AAAAAA==";
        response.Headers.RemoveAll(h => h.Key == "x-goog-hash" && h.Value.StartsWith("crc32c=", StringComparison.Ordinal));
        response.Headers.Add(new("x-goog-hash", $"crc32c={wrong}"));
        if (response.ContentType == FakeGcsResponse.JsonContentType && JsonNode.Parse(response.Body) is JsonObject resource && resource.ContainsKey("crc32c"))
        {
            resource["crc32c"] = wrong;
            response.Body = System.Text.Encoding.UTF8.GetBytes(resource.ToJsonString());
        }
    }

    private static async Task WriteAsync(HttpContext context, FakeGcsResponse response)
    {
        WriteHead(context, response);
        await context.Response.Body.WriteAsync(response.Body, context.RequestAborted);
    }

    private static async Task WriteTruncatedAsync(HttpContext context, FakeGcsResponse response)
    {
        WriteHead(context, response);
        await context.Response.Body.WriteAsync(response.Body.AsMemory(0, response.Body.Length / 2), context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
        context.Abort();
    }

    private static void WriteHead(HttpContext context, FakeGcsResponse response)
    {
        context.Response.StatusCode = response.StatusCode;
        context.Response.ContentType = response.ContentType;
        context.Response.ContentLength = response.Body.Length;
        foreach (var (name, value) in response.Headers)
        {
            context.Response.Headers.Append(name, value);
        }
    }
}
