namespace Pax.TestSupport.Gcs.Internal;

/// <summary>Faults waiting for a matching request, first enqueued first served; each hits a given number of requests.</summary>
internal sealed class FakeGcsFaultQueue
{
    private readonly Lock _gate = new();
    private readonly List<Entry> _entries = [];

    public void Enqueue(Func<RecordedGcsRequest, bool> match, FakeGcsFault fault, int count)
    {
        lock (_gate)
        {
            _entries.Add(new Entry(match, fault) { Remaining = count });
        }
    }

    public FakeGcsFault? Take(RecordedGcsRequest request)
    {
        lock (_gate)
        {
            var entry = _entries.FirstOrDefault(e => e.Remaining > 0 && e.Match(request));
            if (entry is null)
            {
                return null;
            }

            entry.Remaining--;
            return entry.Fault;
        }
    }

    private sealed class Entry(Func<RecordedGcsRequest, bool> match, FakeGcsFault fault)
    {
        public Func<RecordedGcsRequest, bool> Match { get; } = match;

        public FakeGcsFault Fault { get; } = fault;

        public int Remaining { get; set; }
    }
}
