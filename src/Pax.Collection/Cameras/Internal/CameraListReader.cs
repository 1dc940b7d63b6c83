using System.Globalization;
using System.Text.Json;

namespace Pax.Collection.Cameras.Internal;

/// <summary>
/// Reads the NYCTMC camera list (a bare JSON array). A body that is not JSON, or not an array, fails as a whole
/// (<see cref="InvalidDataException"/> with the reason); an element that cannot be read is skipped with its reason.
/// </summary>
internal static class CameraListReader
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 32 };

    /// <summary>One camera as the API lists it, for <see cref="Prepare"/>.</summary>
    private static readonly byte[] Sample =
        """[{"id":"0","name":"prepare","latitude":40.7,"longitude":-74.0,"area":"Manhattan","isOnline":"true","imageUrl":"https://webcams.nyctmc.org/api/cameras/0/image"}]"""u8.ToArray();

    private static int _prepared;

    /// <summary>
    /// Reads a one-camera list, once per process, so that what a process's first read sets up (the JSON reader's and the
    /// camera record's metadata and converters) is ready before the real list arrives: the client calls it while the list
    /// is on its way.
    /// </summary>
    public static void Prepare()
    {
        if (Interlocked.Exchange(ref _prepared, 1) == 0)
        {
            Read(Sample);
        }
    }

    /// <summary>Reads the list.</summary>
    /// <param name="utf8Json">The response body.</param>
    /// <returns>The cameras read and the reasons of the skipped elements.</returns>
    /// <exception cref="InvalidDataException">The body is not a JSON array.</exception>
    public static CameraListContent Read(ReadOnlyMemory<byte> utf8Json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Json, DocumentOptions);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"the response was not valid JSON ({ex.Message})", ex);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Array)
            {
                throw new InvalidDataException($"the response was not a JSON array (it was {Describe(root.ValueKind)})");
            }

            var cameras = new List<Camera>(root.GetArrayLength());
            var skipped = new List<string>();
            var index = 0;
            foreach (var element in root.EnumerateArray())
            {
                if (TryReadCamera(element, out var camera, out var reason))
                {
                    cameras.Add(camera);
                }
                else
                {
                    skipped.Add(string.Create(CultureInfo.InvariantCulture, $"entry {index}: {reason}"));
                }

                index++;
            }

            return new CameraListContent(cameras, skipped, index);
        }
    }

    private static bool TryReadCamera(JsonElement element, out Camera camera, out string reason)
    {
        camera = null!;
        if (element.ValueKind != JsonValueKind.Object)
        {
            reason = $"is {Describe(element.ValueKind)}, not an object";
            return false;
        }

        NyctmcCameraRecord? record;
        try
        {
            record = element.Deserialize(CameraJsonContext.Default.NyctmcCameraRecord);
        }
        catch (JsonException ex)
        {
            reason = ex.Message;
            return false;
        }

        return TryMap(record!, out camera, out reason);
    }

    private static bool TryMap(NyctmcCameraRecord record, out Camera camera, out string reason)
    {
        camera = null!;
        if (string.IsNullOrWhiteSpace(record.Id))
        {
            reason = "has no id";
            return false;
        }

        if (record.Latitude is not { } latitude || latitude is < -90 or > 90)
        {
            reason = $"camera {record.Id} has no valid latitude";
            return false;
        }

        if (record.Longitude is not { } longitude || longitude is < -180 or > 180)
        {
            reason = $"camera {record.Id} has no valid longitude";
            return false;
        }

        camera = new Camera(record.Id, record.Name ?? string.Empty, latitude, longitude, record.Area, record.IsOnline ?? false)
        {
            ImageUrl = Uri.TryCreate(record.ImageUrl, UriKind.Absolute, out var imageUrl) ? imageUrl : null,
        };
        reason = string.Empty;
        return true;
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "empty",
    };
}
