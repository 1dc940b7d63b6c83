using System.Collections.Concurrent;
using System.Globalization;
using Pax.CameraSimulator.Jpeg;

namespace Pax.CameraSimulator.Internal;

/// <summary>
/// Renders and caches each camera's JPEG for a slot: the scene of its slot, slot 0's scene forever for a stale
/// camera, the shared placeholder for an offline one. Sizes are padded to 15–20 KB per camera, like NYCTMC's.
/// </summary>
internal sealed class ImageStore(CameraSimulatorOptions options, TimeProvider timeProvider)
{
    private readonly ConcurrentDictionary<string, (long Slot, byte[] Bytes)> _latest = new(StringComparer.Ordinal);
    private readonly Lazy<byte[]> _placeholder = new(() => BaselineJpegEncoder.Encode(
        CameraFrameRenderer.RenderPlaceholder(), "Pax camera simulator: camera offline", 15_112));

    public long CurrentSlot => timeProvider.GetUtcNow().UtcTicks / options.SlotLength.Ticks;

    public byte[] GetImage(SimulatedCamera camera)
    {
        if (!camera.Camera.IsOnline)
        {
            return _placeholder.Value;
        }

        var slot = camera.IsStale ? 0 : CurrentSlot;
        if (_latest.TryGetValue(camera.Id, out var cached) && cached.Slot == slot)
        {
            return cached.Bytes;
        }

        var comment = string.Create(CultureInfo.InvariantCulture, $"Pax camera simulator: {camera.Camera.Name}; camera {camera.Id}; slot {slot}");
        var targetSize = 15_000 + (int)(camera.Key % 5_001);
        var bytes = BaselineJpegEncoder.Encode(CameraFrameRenderer.RenderScene(camera.Key, slot), comment, targetSize);
        _latest[camera.Id] = (slot, bytes);
        return bytes;
    }
}
