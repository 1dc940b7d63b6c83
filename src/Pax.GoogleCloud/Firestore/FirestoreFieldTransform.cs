namespace Pax.GoogleCloud.Firestore;

/// <summary>A server-side change applied after a write's update: set one of the transforms.</summary>
internal sealed class FirestoreFieldTransform
{
    /// <summary>Gets or sets the field path the transform applies to.</summary>
    public string FieldPath { get; set; } = string.Empty;

    /// <summary>Gets or sets <c>REQUEST_TIME</c> to store the commit time.</summary>
    public string? SetToServerValue { get; set; }

    /// <summary>Gets or sets the amount to add; the commit result carries the new value.</summary>
    public FirestoreValue? Increment { get; set; }

    /// <summary>Gets or sets a number the field is raised to when it is smaller (or missing); integers and doubles only, not timestamps (the emulator answers 400 "Input must be int64 or double").</summary>
    public FirestoreValue? Maximum { get; set; }

    /// <summary>Stores the commit's time in <paramref name="fieldPath"/>.</summary>
    /// <param name="fieldPath">The field path.</param>
    /// <returns>The transform.</returns>
    public static FirestoreFieldTransform RequestTime(string fieldPath) => new() { FieldPath = fieldPath, SetToServerValue = "REQUEST_TIME" };

    /// <summary>Adds <paramref name="amount"/> to the integer in <paramref name="fieldPath"/>.</summary>
    /// <param name="fieldPath">The field path.</param>
    /// <param name="amount">The amount.</param>
    /// <returns>The transform.</returns>
    public static FirestoreFieldTransform IncrementBy(string fieldPath, long amount) => new() { FieldPath = fieldPath, Increment = FirestoreValue.Integer(amount) };

    /// <summary>Raises the integer in <paramref name="fieldPath"/> to <paramref name="value"/> when it is smaller or missing.</summary>
    /// <param name="fieldPath">The field path.</param>
    /// <param name="value">The value.</param>
    /// <returns>The transform.</returns>
    public static FirestoreFieldTransform AtLeast(string fieldPath, long value) => new() { FieldPath = fieldPath, Maximum = FirestoreValue.Integer(value) };
}
