namespace Pax.Orchestration.Stores;

/// <summary>
/// A store query needs a Firestore composite index that does not exist (Firestore answers 400 <c>FAILED_PRECONDITION</c>,
/// "The query requires an index"). <see cref="Exception.Message"/> names the index and the command that creates it, so the
/// dashboard can show the rest of a page and say what this part needs. Pax's Firestore stores throw it; the dashboard
/// shows the rest of a page without the part that needs the index.
/// </summary>
public sealed class StoreIndexMissingException : Exception
{
    internal StoreIndexMissingException(string collection, IReadOnlyList<(string Field, bool Descending)> fields, Exception innerException)
        : base(Describe(collection, fields), innerException)
    {
    }

    /// <summary><c>index missing: pax_rejected (phase ascending, receivedAt descending); create it: gcloud firestore indexes composite create …</c>.</summary>
    private static string Describe(string collection, IReadOnlyList<(string Field, bool Descending)> fields) =>
        $"index missing: {collection} ({string.Join(", ", fields.Select(f => $"{f.Field} {Order(f.Descending)}"))}); create it: "
        + $"gcloud firestore indexes composite create --collection-group={collection} --query-scope=COLLECTION "
        + string.Join(" ", fields.Select(f => $"--field-config=field-path={f.Field},order={Order(f.Descending)}"))
        + " (the orchestrator sample's deploy/deploy.sh does)";

    private static string Order(bool descending) => descending ? "descending" : "ascending";
}
