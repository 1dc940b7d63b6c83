using Pax.Orchestration.Scheduling;

namespace Pax.Orchestration.Tests.Support;

/// <summary>A job store that forwards every call of <see cref="IScheduledJobStore"/> to <see cref="Inner"/> (a custom store, as users write them: no internal capability): tests override the calls they change.</summary>
public abstract class ForwardingJobStore(IScheduledJobStore inner) : IScheduledJobStore
{
    public IScheduledJobStore Inner => inner;

    public virtual Task<ScheduledJob?> TryCreateAsync(ScheduledJob job, CancellationToken cancellationToken) => inner.TryCreateAsync(job, cancellationToken);

    public virtual Task<ScheduledJob?> GetAsync(string id, CancellationToken cancellationToken) => inner.GetAsync(id, cancellationToken);

    public virtual Task<IReadOnlyList<ScheduledJob>> ListDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) => inner.ListDueAsync(now, limit, cancellationToken);

    public virtual Task<ScheduledJob?> TryReplaceAsync(ScheduledJob job, CancellationToken cancellationToken) => inner.TryReplaceAsync(job, cancellationToken);

    public virtual Task<bool> TryRecordTickAsync(string deliveryKey, DateTimeOffset now, CancellationToken cancellationToken) => inner.TryRecordTickAsync(deliveryKey, now, cancellationToken);

    public virtual Task ReleaseTickAsync(string deliveryKey, CancellationToken cancellationToken) => inner.ReleaseTickAsync(deliveryKey, cancellationToken);
}
