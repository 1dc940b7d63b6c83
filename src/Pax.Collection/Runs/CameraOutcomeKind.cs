namespace Pax.Collection.Runs;

/// <summary>What happened to one selected camera in a run. The report writes these in snake case (<c>already_stored</c>).</summary>
public enum CameraOutcomeKind
{
    /// <summary>The snapshot was fetched, validated and stored by this run.</summary>
    Stored,

    /// <summary>The slot already held this camera's snapshot (an earlier attempt stored it); nothing was rewritten.</summary>
    AlreadyStored,

    /// <summary>The provider lists the camera as offline; it was not fetched.</summary>
    Offline,

    /// <summary>The camera is in the manifest but no longer in the provider's camera list.</summary>
    MissingFromApi,

    /// <summary>The bytes were not a storable JPEG (content type, size, markers).</summary>
    Invalid,

    /// <summary>The bytes equal the camera's previous snapshot: the camera is frozen or serves a placeholder.</summary>
    Stale,

    /// <summary>The fetch timed out, the write did not finish within the upload timeout, or the run's deadline came first.</summary>
    TimedOut,

    /// <summary>The fetch or the write failed for another reason, given in the outcome.</summary>
    Failed,

    /// <summary>
    /// The camera list or manifest entry was left out: its id is not a safe camera id, or it repeats an id listed before
    /// (ids are case-sensitive). Not fetched, and not counted as eligible: the list, not the run, has to change.
    /// </summary>
    Rejected,

    /// <summary>The run was cancelled (SIGTERM, Ctrl+C) before this camera was collected; a re-run collects it.</summary>
    Cancelled,
}
