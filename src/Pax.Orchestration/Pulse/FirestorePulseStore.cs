using System.Globalization;
using Pax.GoogleCloud.Firestore;
using Pax.GoogleCloud.Firestore.Queries;

namespace Pax.Orchestration.Pulse;

/// <summary>
/// Hourly counts in Firestore, sharded as Google's "distributed counters" solution advises for a counter written more
/// often than about once a second (firebase.google.com/docs/firestore/solutions/counters;
/// cloud.google.com/firestore/docs/solutions/counters): one document per scope, UTC day and shard,
/// <c>{collection}/{scope}~{yyyyMMdd}~{shard}</c>, with fields <c>scope</c>, <c>day</c> (timestamp) and one map per hour
/// (<c>h00</c>…<c>h23</c>) of counters (<c>reports</c>, <c>duplicates</c>, …). A write picks a shard at random and adds
/// with the <c>increment</c> field transform (documents:commit, <c>FieldTransform.increment</c>:
/// cloud.google.com/firestore/docs/reference/rest/v1/Write#FieldTransform), so writers never read or conflict; a read
/// sums the shards. The last 24 hours span two days: one query (<c>day</c> ≥ yesterday, the single-field index Firestore
/// keeps by default) returns at most 2 × <see cref="Shards"/> documents per scope, however many reports were counted.
/// </summary>
internal sealed class FirestorePulseStore : IPulseStore
{
    /// <summary>Shards per scope and day: each takes about one sustained write a second, Firestore's advice per document.</summary>
    public const int Shards = 16;

    private const string ScopeField = "scope";
    private const string DayField = "day";
    private readonly FirestoreClient _client;
    private readonly string _projectId;
    private readonly string _collection;

    public FirestorePulseStore(FirestoreClient client, string projectId, string collection)
    {
        _client = client;
        _projectId = projectId;
        _collection = collection;
    }

    /// <summary>Gets the collection the counts are kept in.</summary>
    public string Collection => _collection;

    public async Task AddAsync(IReadOnlyList<PulseBucket> deltas, CancellationToken cancellationToken)
    {
        var shard = Random.Shared.Next(Shards);
        var writes = new List<FirestoreWrite>();
        foreach (var day in deltas.GroupBy(d => (d.Scope, Day: d.Hour.UtcDateTime.Date)))
        {
            var transforms = new List<FirestoreFieldTransform>();
            foreach (var delta in day)
            {
                var hour = HourField(delta.Hour.Hour);
                foreach (var (counter, name) in PulseBucket.Counters)
                {
                    if (delta.Counts[(int)counter] != 0)
                    {
                        transforms.Add(FirestoreFieldTransform.IncrementBy(hour + "." + name, delta.Counts[(int)counter]));
                    }
                }
            }

            var dayStart = new DateTimeOffset(day.Key.Day, TimeSpan.Zero);
            writes.Add(new FirestoreWrite
            {
                Update = new FirestoreDocument
                {
                    Name = FirestoreClient.DocumentName(_projectId, _collection, DocumentId(day.Key.Scope, dayStart, shard)),
                    Fields = new Dictionary<string, FirestoreValue>(StringComparer.Ordinal)
                    {
                        [ScopeField] = FirestoreValue.String(day.Key.Scope),
                        [DayField] = FirestoreValue.Timestamp(dayStart),
                    },
                },
                UpdateMask = new FirestoreDocumentMask { FieldPaths = [ScopeField, DayField] },
                UpdateTransforms = transforms,
            });
        }

        foreach (var chunk in writes.Chunk(500))
        {
            await _client.CommitAsync(_projectId, chunk, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<(IReadOnlyList<PulseBucket> Buckets, bool Truncated)> ReadSinceAsync(DateTimeOffset fromHour, int limit, CancellationToken cancellationToken)
    {
        // Newest day first, one more than the limit: the extra document only says that older ones were cut.
        var query = DayQuery("GREATER_THAN_OR_EQUAL", DayOf(fromHour), limit + 1, FirestoreOrder.Descending(DayField));
        var documents = await _client.RunQueryAsync(_projectId, query, cancellationToken).ConfigureAwait(false);
        return (PulseBucket.Sum(documents.Take(limit).SelectMany(Read).Where(b => b.Hour >= fromHour)), documents.Count > limit);
    }

    public async Task<int> DeleteBeforeAsync(DateTimeOffset beforeHour, int limit, CancellationToken cancellationToken)
    {
        // Whole days only: a day document is deleted once all its hours are older than beforeHour.
        var documents = await _client.RunQueryAsync(_projectId, DayQuery("LESS_THAN", DayOf(beforeHour), limit, FirestoreOrder.Ascending(DayField)), cancellationToken).ConfigureAwait(false);
        foreach (var chunk in documents.Chunk(500))
        {
            await _client.CommitAsync(_projectId, chunk.Select(d => new FirestoreWrite { Delete = d.Name }).ToList(), cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        return documents.Count;
    }

    private static IEnumerable<PulseBucket> Read(FirestoreDocument document)
    {
        var fields = document.Fields ?? [];
        if (fields.GetValueOrDefault(ScopeField)?.StringValue is not { } scope || fields.GetValueOrDefault(DayField)?.AsTimestamp() is not { } day)
        {
            yield break;
        }

        for (var hour = 0; hour < 24; hour++)
        {
            if (fields.GetValueOrDefault(HourField(hour))?.MapValue?.Fields is not { } map)
            {
                continue;
            }

            var counts = PulseBucket.NoCounts();
            foreach (var (counter, name) in PulseBucket.Counters)
            {
                counts[(int)counter] = map.GetValueOrDefault(name)?.AsInteger() ?? 0;
            }

            yield return new PulseBucket(scope, day.AddHours(hour), counts);
        }
    }

    /// <summary>
    /// The day documents whose <c>day</c> compares by <paramref name="op"/> to <paramref name="day"/>, in
    /// <paramref name="order"/> of <c>day</c>: the range and the order on the one field, so either direction is served by
    /// the single-field index Firestore keeps by default (cloud.google.com/firestore/docs/query-data/order-limit-data:
    /// a range filter's first orderBy must be on the same field; no composite index).
    /// </summary>
    private FirestoreStructuredQuery DayQuery(string op, DateTimeOffset day, int limit, FirestoreOrder order) => new()
    {
        From = [new FirestoreCollectionSelector { CollectionId = _collection }],
        Where = FirestoreFilter.Field(DayField, op, FirestoreValue.Timestamp(day)),
        OrderBy = [order],
        Limit = limit,
    };

    private static DateTimeOffset DayOf(DateTimeOffset at) => new(at.UtcDateTime.Date, TimeSpan.Zero);

    private static string DocumentId(string scope, DateTimeOffset day, int shard) =>
        $"{scope}~{day:yyyyMMdd}~{shard.ToString("D2", CultureInfo.InvariantCulture)}";

    /// <summary>The map field of one UTC hour in a day document, <c>h00</c>…<c>h23</c>: written and read by this name only.</summary>
    private static string HourField(int hour) => "h" + hour.ToString("D2", CultureInfo.InvariantCulture);
}
