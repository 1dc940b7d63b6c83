namespace Pax.GoogleCloud.Firestore;

/// <summary>A Firestore array value: <c>{"values": [Value…]}</c>.</summary>
internal sealed class FirestoreArrayValue
{
    /// <summary>Gets or sets the elements.</summary>
    /// <value>Default <see langword="null"/> (an empty array on the wire).</value>
    public List<FirestoreValue>? Values { get; set; }
}
