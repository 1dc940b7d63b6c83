namespace Pax.GoogleCloud.Firestore.Queries;

/// <summary>Filters combined with one operator (<c>AND</c>, or <c>OR</c> where Firestore supports it).</summary>
internal sealed class FirestoreCompositeFilter
{
    /// <summary>Gets or sets the operator: <c>AND</c> or <c>OR</c>.</summary>
    public string Op { get; set; } = "AND";

    /// <summary>Gets or sets the filters combined.</summary>
    public List<FirestoreFilter> Filters { get; set; } = [];
}
