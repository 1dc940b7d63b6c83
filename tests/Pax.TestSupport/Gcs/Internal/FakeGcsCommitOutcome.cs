namespace Pax.TestSupport.Gcs.Internal;

/// <summary>The outcome of <see cref="FakeGcsStore.Commit"/>.</summary>
internal enum FakeGcsCommitOutcome
{
    Stored,
    PreconditionFailed,
    NoSuchBucket,
    ReplaceDenied,
}
