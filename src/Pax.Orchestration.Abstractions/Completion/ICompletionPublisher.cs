namespace Pax.Orchestration.Completion;

/// <summary>
/// How a processor reports "I am done for this run key": the seam between processors (such as the collector Job) and
/// the orchestrator's tally. <see cref="CompletionPublisher"/> publishes to a Pub/Sub topic, from which a push
/// subscription or Eventarc delivers to the orchestrator; Pax.Orchestration's <c>InProcessCompletionPublisher</c>
/// (registered with <c>services.AddPaxInProcessCompletions()</c>) hands the same encoded message
/// (<see cref="CompletionWireFormat.Encode"/>) to the intake of the same process, for local development and tests.
/// Either way the message is parsed, validated and tallied by the same code.
/// </summary>
public interface ICompletionPublisher
{
    /// <summary>Publishes a completion.</summary>
    /// <param name="topic">The completions topic: <c>projects/P/topics/T</c>.</param>
    /// <param name="message">The report (its message id is ignored: the transport assigns one).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The message id the transport assigned.</returns>
    /// <exception cref="ArgumentException">The processor, run key or phase is not valid (<see cref="CompletionNames"/>), or the topic name is malformed; nothing was sent.</exception>
    Task<string> PublishAsync(string topic, CompletionMessage message, CancellationToken cancellationToken);
}
