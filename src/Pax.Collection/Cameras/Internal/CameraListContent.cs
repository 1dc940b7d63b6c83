namespace Pax.Collection.Cameras.Internal;

/// <summary>What <see cref="CameraListReader"/> read: the cameras, the reasons of the skipped elements, and how many elements there were.</summary>
internal sealed record CameraListContent(IReadOnlyList<Camera> Cameras, IReadOnlyList<string> Skipped, int EntryCount);
