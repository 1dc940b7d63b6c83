using Pax.TestSupport.Emulators;

namespace Pax.Orchestration.Dashboard.Tests.Support;

/// <summary>One Firestore emulator for a test class, started on first use; skipped with the reason without gcloud (a failure under CI=true).</summary>
public sealed class FirestoreEmulatorFixture : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private GcloudEmulator? _emulator;

    public async Task<GcloudEmulator> GetAsync()
    {
        if (GcloudEmulator.UnavailableReason() is { } reason)
        {
            Assert.Skip(reason);
        }

        await _gate.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            return _emulator ??= await GcloudEmulator.StartFirestoreAsync(TestContext.Current.CancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }

        _gate.Dispose();
    }
}
