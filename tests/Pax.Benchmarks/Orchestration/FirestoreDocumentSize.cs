using System.Text;
using Pax.GoogleCloud.Firestore;

namespace Pax.Benchmarks.Orchestration;

/// <summary>
/// A document's size as Firestore counts it against the 1 MiB limit (cloud.google.com/firestore/docs/storage-size):
/// the document name (each collection and document id as a string — UTF-8 bytes + 1 — plus 16 bytes), each field's
/// name (a string) and value, and 32 bytes; a boolean or null is 1 byte, an integer, double or timestamp 8, a string its
/// UTF-8 bytes + 1, a map the sum of its entries, an array the sum of its values, a reference its document name's size.
/// </summary>
internal static class FirestoreDocumentSize
{
    private const string DocumentsSegment = "/documents/";

    public static long Of(FirestoreDocument document) =>
        NameSize(document.Name!) + (document.Fields ?? []).Sum(f => StringSize(f.Key) + ValueSize(f.Value)) + 32;

    private static long NameSize(string name)
    {
        var path = name[(name.IndexOf(DocumentsSegment, StringComparison.Ordinal) + DocumentsSegment.Length)..];
        return path.Split('/').Sum(StringSize) + 16;
    }

    private static long StringSize(string value) => Encoding.UTF8.GetByteCount(value) + 1;

    private static long ValueSize(FirestoreValue value) => value switch
    {
        { StringValue: { } s } => StringSize(s),
        { BytesValue: { } b } => Convert.FromBase64String(b).Length,
        { ReferenceValue: { } r } => NameSize(r),
        { MapValue: { } m } => (m.Fields ?? []).Sum(f => StringSize(f.Key) + ValueSize(f.Value)),
        { ArrayValue: { } a } => (a.Values ?? []).Sum(ValueSize),
        { IntegerValue: not null } or { DoubleValue: not null } or { TimestampValue: not null } => 8,
        _ => 1,
    };
}
