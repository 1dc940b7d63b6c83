using Pax.TestSupport.Emulators;

[assembly: AssemblyFixture(typeof(Pax.Orchestration.Tests.Support.EmulatorsFixture))]

namespace Pax.Orchestration.Tests.Support;

/// <summary>One Firestore and one Pub/Sub emulator for the whole test assembly, started on first use.</summary>
public sealed class EmulatorsFixture : IAsyncDisposable
{
    public const string PubSubProject = "pax-tests";
    private readonly SemaphoreSlim _gate = new(1, 1);
    private GcloudEmulator? _firestore;
    private GcloudEmulator? _pubSub;

    /// <summary>Returns the Firestore emulator, or skips the test with the reason when gcloud is missing (fails under CI=true).</summary>
    public async Task<GcloudEmulator> FirestoreAsync()
    {
        SkipWhenUnavailable();
        await _gate.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            return _firestore ??= await GcloudEmulator.StartFirestoreAsync(TestContext.Current.CancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Returns the Pub/Sub emulator (project <see cref="PubSubProject"/>), or skips like <see cref="FirestoreAsync"/>.</summary>
    public async Task<GcloudEmulator> PubSubAsync()
    {
        SkipWhenUnavailable();
        await _gate.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            return _pubSub ??= await GcloudEmulator.StartPubSubAsync(PubSubProject, TestContext.Current.CancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

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
    }

    private static void SkipWhenUnavailable()
    {
        if (GcloudEmulator.UnavailableReason() is { } reason)
        {
            Assert.Skip(reason);
        }
    }
}
