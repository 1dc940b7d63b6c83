namespace Pax.GoogleCloud.Firestore;

/// <summary>A Firestore map value: <c>{"fields": {name: Value}}</c>.</summary>
internal sealed class FirestoreMapValue
{
    /// <summary>Gets or sets the map's fields.</summary>
    /// <value>Default <see langword="null"/> (an empty map on the wire).</value>
    public Dictionary<string, FirestoreValue>? Fields { get; set; }
}
