using Pax.TestSupport.Emulators;

[assembly: AssemblyFixture(typeof(Pax.Orchestration.Tests.Support.EmulatorsFixture))]

namespace Pax.Orchestration.Tests.Support;

/// <summary>One Firestore and one Pub/Sub emulator (project <see cref="PubSubProject"/>) for the whole test assembly, started on first use.</summary>
public sealed class EmulatorsFixture() : SharedEmulators(PubSubProject)
{
    public const string PubSubProject = "pax-tests";
}
