using Pax.TestSupport.Emulators;

[assembly: AssemblyFixture(typeof(Pax.GoogleCloud.Tests.Support.FirestoreEmulatorFixture))]

namespace Pax.GoogleCloud.Tests.Support;

/// <summary>One Firestore emulator for the assembly, started by the first test that asks (skipped with the reason when gcloud is missing; a failure under CI=true).</summary>
public sealed class FirestoreEmulatorFixture : SharedEmulators;
