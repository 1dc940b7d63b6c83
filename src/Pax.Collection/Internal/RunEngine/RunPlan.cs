using Pax.Collection.Cameras;
using Pax.Collection.Runs;
using Pax.Collection.Snapshots;

namespace Pax.Collection.Internal.RunEngine;

/// <summary>A run's work: cameras to fetch, and cameras whose outcome is known without fetching.</summary>
internal sealed record RunPlan(IReadOnlyList<PlannedCamera> Cameras, IReadOnlyList<CameraOutcome> Settled);

/// <summary>A camera to fetch, with its validated id and the hash of its previous snapshot (for stale detection).</summary>
internal sealed record PlannedCamera(Camera Camera, CameraId Id, string? PreviousHash);
