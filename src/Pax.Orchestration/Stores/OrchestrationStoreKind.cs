namespace Pax.Orchestration.Stores;

/// <summary>Where tallies are kept.</summary>
public enum OrchestrationStoreKind
{
    /// <summary>A local SQLite file: the embedded default (one instance, or a shared volume).</summary>
    Sqlite,

    /// <summary>Firestore (or its emulator): for Cloud Run services with several instances.</summary>
    Firestore,
}
