using Pax.GoogleCloud.Firestore;
using Pax.GoogleCloud.Firestore.Queries;
using Doc = Pax.Orchestration.Completion.Stores.Internal.FirestoreTallyDocument;

namespace Pax.Orchestration.Completion.Stores.Internal;

/// <summary>
/// The query of <see cref="FirestoreCompletionStore.SearchAsync"/> on <c>{phase}_completion</c>, and the composite index
/// it needs (https://cloud.google.com/firestore/docs/query-data/index-overview: an equality filter with an order on
/// another field needs a composite index; one field's range and order are served by its single-field index). A state is
/// an equality (<c>_state</c>, or <c>_triggered == false</c> for "untriggered"); a prefix <c>p</c> the range
/// <c>p ≤ _runKey &lt; p + U+10FFFF</c> (Firestore orders strings by their UTF-8 bytes, and no character sorts above
/// U+10FFFF) ordered by <c>_runKey</c> descending; a time range is a range on <c>_createdAt</c> (on
/// <c>_triggerErrorAt</c> for "trigger failed", whose range alone selects the failed ones: a cleared field is null, which
/// no timestamp range matches) ordered by it descending, then <c>__name__</c>.
/// </summary>
internal static class FirestoreTallySearch
{
    private const string DocumentName = "__name__";

    /// <summary>The composite indexes the searches need, one pair per state field: listed in docs/dashboard.md, created by the sample's deploy.sh.</summary>
    public static readonly IReadOnlyList<IReadOnlyList<(string Field, bool Descending)>> Indexes =
    [
        [(Doc.State, false), (Doc.CreatedAt, true)],
        [(Doc.Triggered, false), (Doc.CreatedAt, true)],
        [(Doc.State, false), (Doc.RunKey, true)],
        [(Doc.Triggered, false), (Doc.RunKey, true)],
    ];

    public static (FirestoreStructuredQuery Query, IReadOnlyList<(string Field, bool Descending)>? Index) Build(
        string phase, TallySearch search, int limit, TallyCursor? after, string? afterName)
    {
        var filters = new List<FirestoreFilter>();
        var equality = search.State switch
        {
            TallySearchState.Open or TallySearchState.Claimed or TallySearchState.Triggered =>
                (Field: Doc.State, Value: FirestoreValue.String(Doc.StateName(search.State switch
                {
                    TallySearchState.Claimed => TallyTriggerState.Claimed,
                    TallySearchState.Triggered => TallyTriggerState.Triggered,
                    _ => TallyTriggerState.Open,
                }))),
            TallySearchState.Untriggered => (Field: Doc.Triggered, Value: FirestoreValue.Boolean(false)),
            _ => ((string Field, FirestoreValue Value)?)null,
        };
        if (equality is { } eq)
        {
            filters.Add(FirestoreFilter.Field(eq.Field, "EQUAL", eq.Value));
        }

        string sortField;
        FirestoreCursor? cursor = null;
        List<FirestoreOrder> order;
        if (search.RunKeyPrefix is { } prefix)
        {
            sortField = Doc.RunKey;
            filters.Add(FirestoreFilter.Field(Doc.RunKey, "GREATER_THAN_OR_EQUAL", FirestoreValue.String(prefix)));
            filters.Add(FirestoreFilter.Field(Doc.RunKey, "LESS_THAN", FirestoreValue.String(prefix + SqliteTallySearch.PrefixEnd)));
            order = [FirestoreOrder.Descending(Doc.RunKey)];
            cursor = after is null ? null : new FirestoreCursor { Values = [FirestoreValue.String(after.RunKey)] };
        }
        else
        {
            sortField = search.State == TallySearchState.TriggerFailed ? Doc.TriggerErrorAt : Doc.CreatedAt;
            var from = search.From ?? (search.State == TallySearchState.TriggerFailed ? DateTimeOffset.UnixEpoch : null);
            if (from is { } start)
            {
                filters.Add(FirestoreFilter.Field(sortField, "GREATER_THAN_OR_EQUAL", FirestoreValue.Timestamp(start)));
            }

            if (search.Until is { } until)
            {
                filters.Add(FirestoreFilter.Field(sortField, "LESS_THAN", FirestoreValue.Timestamp(until)));
            }

            order = [FirestoreOrder.Descending(sortField), FirestoreOrder.Descending(DocumentName)];
            cursor = after is null ? null : new FirestoreCursor { Values = [FirestoreValue.Timestamp(after.CreatedAt), FirestoreValue.Reference(afterName!)] };
        }

        var query = new FirestoreStructuredQuery
        {
            From = [new FirestoreCollectionSelector { CollectionId = Doc.Collection(phase) }],
            Where = filters.Count switch
            {
                0 => null,
                1 => filters[0],
                _ => FirestoreFilter.And([.. filters]),
            },
            OrderBy = order,
            StartAt = cursor,
            Limit = limit,
        };
        IReadOnlyList<(string Field, bool Descending)>? index = equality is { } e ? [(e.Field, false), (sortField, true)] : null;
        return (query, index);
    }
}
