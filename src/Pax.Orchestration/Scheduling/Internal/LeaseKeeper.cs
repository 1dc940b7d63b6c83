using Microsoft.Extensions.Logging;

namespace Pax.Orchestration.Scheduling.Internal;

/// <summary>
/// Keeps a claimed job's lease while its handler runs: renews it every third of the lease (a compare-and-swap on the
/// job's version), and fires <see cref="Token"/> a quarter-lease before the lease would end unrenewed, or at once
/// when another writer took the job. So a handler is never still running when another instance may claim its job.
/// </summary>
internal sealed class LeaseKeeper : IAsyncDisposable
{
    private readonly IScheduledJobStore _store;
    private readonly TimeSpan _lease;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _expiry;
    private readonly CancellationTokenSource _stop = new();
    private readonly CancellationTokenSource _handler;
    private readonly Task _renewals;

    public LeaseKeeper(IScheduledJobStore store, ScheduledJob claimed, TimeSpan lease, TimeProvider time, ILogger logger, CancellationToken tickToken)
    {
        _store = store;
        _lease = lease;
        _time = time;
        _logger = logger;
        Current = claimed;
        _expiry = new CancellationTokenSource(SafeRemaining(claimed.LeaseUntil!.Value), time);
        _handler = CancellationTokenSource.CreateLinkedTokenSource(_expiry.Token, tickToken);
        _renewals = RenewLoopAsync();
    }

    /// <summary>Gets the token the handler runs under.</summary>
    public CancellationToken Token => _handler.Token;

    /// <summary>Gets the job as last written by this claim.</summary>
    public ScheduledJob Current { get; private set; }

    /// <summary>Gets a value indicating whether the claim was lost: another writer changed the job (a renewal's compare-and-swap failed).</summary>
    public bool Lost { get; private set; }

    /// <summary>Stops renewing and waits for a renewal in flight, so <see cref="Current"/> is final.</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _renewals.ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _handler.Dispose();
        _expiry.Dispose();
        _stop.Dispose();
    }

    private TimeSpan SafeRemaining(DateTimeOffset leaseUntil)
    {
        var remaining = leaseUntil - _time.GetUtcNow() - (_lease / 4);
        return remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero;
    }

    private async Task RenewLoopAsync()
    {
        // A periodic timer keeps its beat from the claim, whatever the time a renewal takes.
        using var timer = new PeriodicTimer(_lease / 3, _time);
        while (!_expiry.IsCancellationRequested)
        {
            try
            {
                if (!await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false))
                {
                    return;
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (!await TryRenewAsync().ConfigureAwait(false))
            {
                return;
            }
        }
    }

    private async Task<bool> TryRenewAsync()
    {
        var now = _time.GetUtcNow();
        try
        {
            var renewed = await _store.TryReplaceAsync(Current with { LeaseUntil = now + _lease, UpdatedAt = now }, CancellationToken.None).ConfigureAwait(false);
            if (renewed is null)
            {
                Lost = true;
                SchedulingLog.LeaseLost(_logger, Current.Id);
                await _expiry.CancelAsync().ConfigureAwait(false);
                return false;
            }

            Current = renewed;
            _expiry.CancelAfter(SafeRemaining(renewed.LeaseUntil!.Value));
            return true;
        }
        catch (Exception ex)
        {
            // The store is unreachable: keep trying; the expiry fires before the lease ends if it does not come back.
            SchedulingLog.RenewalFailed(_logger, ex, Current.Id);
            return true;
        }
    }
}
