namespace Pax.Orchestration.Completion.Stores.Internal;

/// <summary>The built-in stores' deletion of old rejected deliveries, for the watchdog's retention (<see cref="RetentionOptions.RejectedMaxAge"/>); internal: not a promise every <see cref="ICompletionStore"/> must keep.</summary>
internal interface IRejectedRetention
{
    /// <summary>Deletes up to <paramref name="limit"/> rejected deliveries received before <paramref name="before"/>, oldest first; returns how many.</summary>
    Task<int> DeleteRejectedBeforeAsync(DateTimeOffset before, int limit, CancellationToken cancellationToken);
}
