using Pax.TestSupport.Emulators;

namespace Pax.Orchestration.Dashboard.Tests.Support;

/// <summary>One Firestore emulator for a test class, started on first use; skipped with the reason without gcloud (a failure under CI=true).</summary>
public sealed class FirestoreEmulatorFixture : SharedEmulators;
