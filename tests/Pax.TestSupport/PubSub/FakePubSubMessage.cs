namespace Pax.TestSupport.PubSub;

/// <summary>A message <see cref="FakePubSubServer"/> accepted.</summary>
/// <param name="Topic">The topic's full name.</param>
/// <param name="MessageId">The id it was given.</param>
/// <param name="Data">The decoded data.</param>
/// <param name="Attributes">The attributes.</param>
public sealed record FakePubSubMessage(string Topic, string MessageId, byte[] Data, IReadOnlyDictionary<string, string> Attributes);
