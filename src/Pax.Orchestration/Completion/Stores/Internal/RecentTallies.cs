namespace Pax.Orchestration.Completion.Stores.Internal;

/// <summary>
/// The tallies this process last read or wrote, each with the document's update time, so the next report for the
/// same run key can commit straight away with an <c>updateTime</c> precondition instead of reading first. A stale
/// entry costs one refused commit and a read, never a wrong write: the precondition only holds while the document
/// is exactly the one cached. Least recently used entries go first once the cached tallies weigh more than the
/// limit (a tally weighs its processor reports plus one; by default 100,000 in all).
/// </summary>
internal sealed class RecentTallies(int maxWeight = 100_000)
{
    private readonly Dictionary<string, LinkedListNode<Entry>> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<Entry> _order = new();
    private readonly object _lock = new();
    private int _weight;

    public (StoredTally Tally, string UpdateTime)? Get(string name)
    {
        lock (_lock)
        {
            if (!_entries.TryGetValue(name, out var node))
            {
                return null;
            }

            _order.Remove(node);
            _order.AddFirst(node);
            return (node.Value.Tally, node.Value.UpdateTime);
        }
    }

    public void Set(string name, StoredTally tally, string? updateTime)
    {
        lock (_lock)
        {
            RemoveLocked(name);
            if (updateTime is null)
            {
                return;
            }

            var entry = new Entry(name, tally, updateTime, tally.Completions.Count + 1);
            _entries[name] = _order.AddFirst(entry);
            _weight += entry.Weight;
            while (_weight > maxWeight && _order.Last is { } oldest)
            {
                RemoveLocked(oldest.Value.Name);
            }
        }
    }

    public void Remove(string name)
    {
        lock (_lock)
        {
            RemoveLocked(name);
        }
    }

    private void RemoveLocked(string name)
    {
        if (_entries.Remove(name, out var node))
        {
            _order.Remove(node);
            _weight -= node.Value.Weight;
        }
    }

    private sealed record Entry(string Name, StoredTally Tally, string UpdateTime, int Weight);
}
