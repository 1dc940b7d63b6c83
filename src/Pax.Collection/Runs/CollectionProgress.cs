namespace Pax.Collection.Runs;

/// <summary>Progress of a run, reported once per camera as its outcome is known.</summary>
/// <param name="Completed">Cameras with a known outcome so far.</param>
/// <param name="Total">Cameras in this task's shard.</param>
/// <param name="Latest">The camera that just completed.</param>
public readonly record struct CollectionProgress(int Completed, int Total, CameraOutcome Latest);
