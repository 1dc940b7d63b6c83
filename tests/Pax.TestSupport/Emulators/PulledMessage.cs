namespace Pax.TestSupport.Emulators;

/// <summary>A message pulled from a Pub/Sub emulator subscription.</summary>
/// <param name="MessageId">The message id.</param>
/// <param name="Data">The data as UTF-8 text.</param>
/// <param name="Attributes">The attributes.</param>
public sealed record PulledMessage(string MessageId, string Data, IReadOnlyDictionary<string, string> Attributes);
