using System.Globalization;
using System.Text.Json;
using Pax.Collection.Cameras;
using Pax.Collection.Cameras.Internal;

namespace Pax.Collection.Selection.Internal;

/// <summary>Maps <see cref="CameraManifest"/> to and from its JSON file format (see <see cref="ManifestDocument"/>).</summary>
internal static class ManifestFormat
{
    private static readonly string Generator = $"Pax.Collection/{typeof(ManifestFormat).Assembly.GetName().Version?.ToString(3) ?? "0"}";

    public static CameraManifest Read(ReadOnlySpan<byte> utf8Json, string sourceName)
    {
        ManifestDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(utf8Json, CameraJsonContext.Default.ManifestDocument);
        }
        catch (JsonException ex)
        {
            throw new CameraManifestException(sourceName, $"the file is not a valid manifest ({ex.Message})", ex);
        }

        if (document is null)
        {
            throw new CameraManifestException(sourceName, "the file holds JSON null, not a manifest object");
        }

        if (document.Cameras is null)
        {
            throw new CameraManifestException(sourceName, "the file has no \"cameras\" array");
        }

        var cameras = new List<Camera>(document.Cameras.Count);
        for (var i = 0; i < document.Cameras.Count; i++)
        {
            cameras.Add(ReadCamera(document.Cameras[i], i, sourceName));
        }

        var metadata = document.Metadata;
        return new CameraManifest(
            cameras,
            metadata?.Area,
            metadata?.Corridor?.Boundary,
            ParseTimestamp(metadata?.GeneratedAt),
            metadata?.Source);
    }

    public static byte[] Write(CameraManifest manifest)
    {
        var document = new ManifestDocument
        {
            Metadata = new ManifestMetadata
            {
                TotalCameras = manifest.Cameras.Count,
                Area = manifest.AreaName,
                Corridor = manifest.Boundary is null ? null : new ManifestCorridor { Boundary = manifest.Boundary },
                GeneratedAt = manifest.GeneratedAt?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
                Source = manifest.Source,
                Generator = Generator,
            },
            Cameras = [.. manifest.Cameras.Select(c => new ManifestCameraRecord
            {
                Number = c.Number,
                Id = c.Id,
                Name = c.Name,
                Latitude = c.Latitude,
                Longitude = c.Longitude,
                Area = c.Area,
                IsOnline = c.IsOnline,
            })],
        };
        return JsonSerializer.SerializeToUtf8Bytes(document, CameraJsonContext.Default.ManifestDocument);
    }

    private static Camera ReadCamera(ManifestCameraRecord? record, int index, string sourceName)
    {
        if (record is null)
        {
            throw new CameraManifestException(sourceName, Problem(index, "is null, not a camera object"));
        }

        if (record.Id is null)
        {
            throw new CameraManifestException(sourceName, Problem(index, "has no \"id\""));
        }

        if (record.Latitude is not { } latitude || latitude is < -90 or > 90)
        {
            throw new CameraManifestException(sourceName, Problem(index, $"(id {record.Id}) has no valid \"latitude\""));
        }

        if (record.Longitude is not { } longitude || longitude is < -180 or > 180)
        {
            throw new CameraManifestException(sourceName, Problem(index, $"(id {record.Id}) has no valid \"longitude\""));
        }

        // The seed only wrote online cameras, so a manifest entry without "isOnline" is taken as online.
        return new Camera(record.Id, record.Name ?? string.Empty, latitude, longitude, record.Area, record.IsOnline ?? true)
        {
            Number = record.Number,
        };
    }

    private static string Problem(int index, string problem) => string.Create(CultureInfo.InvariantCulture, $"cameras[{index}] {problem}");

    private static DateTimeOffset? ParseTimestamp(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value)
            ? value
            : null;
}
