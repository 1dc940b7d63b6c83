using Xunit;

namespace Pax.TestSupport.Emulators;

/// <summary>
/// One Firestore and one Pub/Sub emulator for whoever owns this object (an assembly or class fixture), each started by
/// the first test that asks and stopped when the owner is disposed. Without gcloud the asking test is skipped with the
/// reason; under <c>CI=true</c> it fails instead (<see cref="GcloudEmulator.UnavailableReason"/>).
/// </summary>
/// <param name="pubSubProject">The project the Pub/Sub emulator serves.</param>
public class SharedEmulators(string pubSubProject = "pax-tests") : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private GcloudEmulator? _firestore;
    private GcloudEmulator? _pubSub;

    /// <summary>Returns the Firestore emulator, starting it on first use.</summary>
    public Task<GcloudEmulator> FirestoreAsync() =>
        GetAsync(() => _firestore, ct => GcloudEmulator.StartFirestoreAsync(ct), started => _firestore = started);

    /// <summary>Returns the Pub/Sub emulator (for the project given at construction), starting it on first use.</summary>
    public Task<GcloudEmulator> PubSubAsync() =>
        GetAsync(() => _pubSub, ct => GcloudEmulator.StartPubSubAsync(pubSubProject, ct), started => _pubSub = started);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_firestore is not null)
        {
            await _firestore.DisposeAsync();
        }

        if (_pubSub is not null)
        {
            await _pubSub.DisposeAsync();
        }

        _gate.Dispose();
        GC.SuppressFinalize(this);
    }

    private async Task<GcloudEmulator> GetAsync(Func<GcloudEmulator?> current, Func<CancellationToken, Task<GcloudEmulator>> start, Action<GcloudEmulator> keep)
    {
        if (GcloudEmulator.UnavailableReason() is { } reason)
        {
            Assert.Skip(reason);
        }

        var cancellationToken = TestContext.Current.CancellationToken;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (current() is { } running)
            {
                return running;
            }

            var started = await start(cancellationToken);
            keep(started);
            return started;
        }
        finally
        {
            _gate.Release();
        }
    }
}
