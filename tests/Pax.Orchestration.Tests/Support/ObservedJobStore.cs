using Pax.Orchestration.Scheduling;

namespace Pax.Orchestration.Tests.Support;

/// <summary>A store decorator that lets a test await writes (a lease renewal, a completion) instead of sleeping.</summary>
public sealed class ObservedJobStore(IScheduledJobStore inner) : IScheduledJobStore
{
    private readonly SemaphoreSlim _replaced = new(0);

    public IScheduledJobStore Inner => inner;

    /// <summary>Waits for the next successful replace (claim, renewal or completion).</summary>
    public async Task WaitForReplaceAsync()
    {
        if (!await _replaced.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken))
        {
            throw new TimeoutException("No job write within 60 s.");
        }
    }

    public Task<ScheduledJob?> TryCreateAsync(ScheduledJob job, CancellationToken cancellationToken) => inner.TryCreateAsync(job, cancellationToken);

    public Task<ScheduledJob?> GetAsync(string id, CancellationToken cancellationToken) => inner.GetAsync(id, cancellationToken);

    public Task<IReadOnlyList<ScheduledJob>> ListDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) => inner.ListDueAsync(now, limit, cancellationToken);

    public async Task<ScheduledJob?> TryReplaceAsync(ScheduledJob job, CancellationToken cancellationToken)
    {
        var replaced = await inner.TryReplaceAsync(job, cancellationToken);
        if (replaced is not null)
        {
            _replaced.Release();
        }

        return replaced;
    }

    public Task<bool> TryRecordTickAsync(string deliveryKey, DateTimeOffset now, CancellationToken cancellationToken) => inner.TryRecordTickAsync(deliveryKey, now, cancellationToken);
}
