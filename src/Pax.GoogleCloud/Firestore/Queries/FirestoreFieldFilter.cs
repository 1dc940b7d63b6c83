namespace Pax.GoogleCloud.Firestore.Queries;

/// <summary>A comparison of one field with a value.</summary>
internal sealed class FirestoreFieldFilter
{
    /// <summary>Gets or sets the field.</summary>
    public FirestoreFieldReference Field { get; set; } = new();

    /// <summary>Gets or sets the operator, such as <c>EQUAL</c> or <c>LESS_THAN</c>.</summary>
    public string Op { get; set; } = "EQUAL";

    /// <summary>Gets or sets the value compared with.</summary>
    public FirestoreValue Value { get; set; } = FirestoreValue.Null();
}
