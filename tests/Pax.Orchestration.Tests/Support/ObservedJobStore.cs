using Pax.Orchestration.Scheduling;

namespace Pax.Orchestration.Tests.Support;

/// <summary>A store decorator that lets a test await writes (a lease renewal, a completion) instead of sleeping.</summary>
public sealed class ObservedJobStore(IScheduledJobStore inner) : IScheduledJobStore
{
    private readonly SemaphoreSlim _replaced = new(0);

    public IScheduledJobStore Inner => inner;

    /// <summary>Gets or sets what runs after each listing, before the jobs are returned (a test's barrier).</summary>
    public Func<Task>? AfterList { get; set; }

    /// <summary>Gets or sets whether replaces fail as if the store were unreachable.</summary>
    public bool Unreachable { get; set; }

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

    public async Task<IReadOnlyList<ScheduledJob>> ListDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        var due = await inner.ListDueAsync(now, limit, cancellationToken);
        if (AfterList is { } after)
        {
            await after();
        }

        return due;
    }

    public async Task<ScheduledJob?> TryReplaceAsync(ScheduledJob job, CancellationToken cancellationToken)
    {
        if (Unreachable)
        {
            throw new HttpRequestException("store unreachable (test)");
        }

        var replaced = await inner.TryReplaceAsync(job, cancellationToken);
        if (replaced is not null)
        {
            _replaced.Release();
        }

        return replaced;
    }

    public Task<bool> TryRecordTickAsync(string deliveryKey, DateTimeOffset now, CancellationToken cancellationToken) => inner.TryRecordTickAsync(deliveryKey, now, cancellationToken);

    public Task ReleaseTickAsync(string deliveryKey, CancellationToken cancellationToken) => inner.ReleaseTickAsync(deliveryKey, cancellationToken);
}
