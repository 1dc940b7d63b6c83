using Pax.TestSupport.Emulators;

[assembly: AssemblyFixture(typeof(Pax.GoogleCloud.Tests.Support.FirestoreEmulatorFixture))]

namespace Pax.GoogleCloud.Tests.Support;

/// <summary>One Firestore emulator for the assembly, started by the first test that asks (skipped with the reason when gcloud is missing; a failure under CI=true).</summary>
public sealed class FirestoreEmulatorFixture : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private GcloudEmulator? _emulator;

    public async Task<GcloudEmulator> StartAsync()
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
