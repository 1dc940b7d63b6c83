namespace Pax.TestSupport.Gcs.Internal;

/// <summary>The requests received, in order, with waiters for "the n-th request arrived".</summary>
internal sealed class FakeGcsRequestLog
{
    private readonly Lock _gate = new();
    private readonly List<RecordedGcsRequest> _requests = [];
    private readonly List<(int Number, TaskCompletionSource<RecordedGcsRequest> Arrived)> _waiters = [];
    private int _open;
    private int _peakOpen;

    /// <summary>Gets the most requests that were being handled at once.</summary>
    public int PeakOpen => Volatile.Read(ref _peakOpen);

    /// <summary>Counts a request as open until the returned scope is disposed.</summary>
    public OpenRequest Open()
    {
        var open = Interlocked.Increment(ref _open);
        int seen;
        while ((seen = Volatile.Read(ref _peakOpen)) < open && Interlocked.CompareExchange(ref _peakOpen, open, seen) != seen)
        {
        }

        return new OpenRequest(this);
    }

    /// <summary>Ends an open request.</summary>
    internal readonly struct OpenRequest(FakeGcsRequestLog log) : IDisposable
    {
        public void Dispose() => Interlocked.Decrement(ref log._open);
    }

    public IReadOnlyList<RecordedGcsRequest> Snapshot()
    {
        lock (_gate)
        {
            return [.. _requests];
        }
    }

    public void Add(RecordedGcsRequest request)
    {
        List<TaskCompletionSource<RecordedGcsRequest>> arrived;
        lock (_gate)
        {
            _requests.Add(request);
            arrived = _waiters.Where(w => w.Number == _requests.Count).Select(w => w.Arrived).ToList();
            _waiters.RemoveAll(w => w.Number == _requests.Count);
        }

        foreach (var waiter in arrived)
        {
            waiter.TrySetResult(request);
        }
    }

    public Task<RecordedGcsRequest> WaitForAsync(int number, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_requests.Count >= number)
            {
                return Task.FromResult(_requests[number - 1]);
            }

            var arrived = new TaskCompletionSource<RecordedGcsRequest>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((number, arrived));
            return arrived.Task.WaitAsync(cancellationToken);
        }
    }
}
