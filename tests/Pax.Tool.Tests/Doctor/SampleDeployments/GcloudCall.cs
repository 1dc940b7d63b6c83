namespace Pax.Tool.Tests.Doctor.SampleDeployments;

/// <summary>One <c>gcloud</c> call as a script made it: its words (command groups, command, positional arguments) and its flags.</summary>
/// <param name="Arguments">The arguments, as the shell passed them.</param>
internal sealed record GcloudCall(IReadOnlyList<string> Arguments)
{
    /// <summary>
    /// Gets the words that are not flags, wherever they stand (the scripts give every flag's value after <c>=</c>), such as
    /// <c>run services add-iam-policy-binding pax-orchestrator</c>, or <c>pubsub subscriptions create S</c> for
    /// <c>pubsub subscriptions create --topic=T S</c>.
    /// </summary>
    public IReadOnlyList<string> Words => [.. Arguments.Where(a => !a.StartsWith("--", StringComparison.Ordinal))];

    /// <summary>Whether the call starts with <paramref name="words"/>.</summary>
    public bool Is(params string[] words) => Words.Count >= words.Length && words.Select((w, i) => Words[i] == w).All(same => same);

    /// <summary>Gets the value of <c>--name=value</c> (the last one given), <c>"true"</c> for a bare <c>--name</c>, or <see langword="null"/>.</summary>
    public string? Flag(string name) => Arguments
        .Where(a => a == "--" + name || a.StartsWith("--" + name + "=", StringComparison.Ordinal))
        .Select(a => a.Contains('=', StringComparison.Ordinal) ? a[(a.IndexOf('=', StringComparison.Ordinal) + 1)..] : "true")
        .LastOrDefault();

    /// <inheritdoc />
    public override string ToString() => "gcloud " + string.Join(' ', Arguments);
}
