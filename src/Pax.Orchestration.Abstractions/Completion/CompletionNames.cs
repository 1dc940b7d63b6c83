using System.Buffers;

namespace Pax.Orchestration.Completion;

/// <summary>The rules for phase names, processor names and run keys (they become Firestore collection, field and document names).</summary>
public static class CompletionNames
{
    /// <summary>What a phase name is made of (checked on every report, and at start for each configured phase).</summary>
    private static readonly SearchValues<char> PhaseCharacters = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-");

    /// <summary>Returns why <paramref name="phase"/> is not a valid phase name, or <see langword="null"/>: letters, digits, '_' and '-', 1–100 characters.</summary>
    /// <param name="phase">The name.</param>
    /// <returns>The problem, or <see langword="null"/>.</returns>
    public static string? ValidatePhase(string? phase) =>
        phase is { Length: >= 1 and <= 100 } && !phase.AsSpan().ContainsAnyExcept(PhaseCharacters) ? null : $"phase '{phase}' must be 1-100 letters, digits, '_' or '-'";

    /// <summary>Returns why <paramref name="processor"/> is not a valid processor name, or <see langword="null"/>: 1–200 characters, not starting with '_' (reserved), no control characters.</summary>
    /// <param name="processor">The name.</param>
    /// <returns>The problem, or <see langword="null"/>.</returns>
    public static string? ValidateProcessor(string? processor) =>
        string.IsNullOrWhiteSpace(processor) || processor.Length > 200 || processor.StartsWith('_') || processor.Any(char.IsControl)
            ? $"processor '{processor}' must be 1-200 characters, not start with '_' and hold no control characters"
            : null;

    /// <summary>Returns why <paramref name="runKey"/> is not a valid run key, or <see langword="null"/>: 1–500 characters, no '/', not '.' or '..', not <c>__…__</c>, no control characters.</summary>
    /// <param name="runKey">The key.</param>
    /// <returns>The problem, or <see langword="null"/>.</returns>
    public static string? ValidateRunKey(string? runKey) =>
        string.IsNullOrWhiteSpace(runKey) || runKey.Length > 500 || runKey.Contains('/', StringComparison.Ordinal) || runKey is "." or ".."
            || (runKey.StartsWith("__", StringComparison.Ordinal) && runKey.EndsWith("__", StringComparison.Ordinal)) || runKey.Any(char.IsControl)
            ? $"runKey '{runKey}' must be 1-500 characters without '/' or control characters, and not '.', '..' or __…__"
            : null;

    /// <summary>Returns why <paramref name="message"/> cannot be published, or <see langword="null"/>: its processor, run key and (when set) phase must be valid names.</summary>
    /// <param name="message">The completion.</param>
    /// <returns>The first problem, or <see langword="null"/>.</returns>
    public static string? ValidateMessage(CompletionMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return ValidateProcessor(message.Processor) ?? ValidateRunKey(message.RunKey) ?? (message.Phase is null ? null : ValidatePhase(message.Phase));
    }
}
