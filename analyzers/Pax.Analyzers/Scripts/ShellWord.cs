using Microsoft.CodeAnalysis.Text;

namespace Pax.Analyzers.Scripts;

/// <summary>One word of a shell command after quote removal and variable expansion.</summary>
internal sealed class ShellWord
{
    /// <summary>Creates a word.</summary>
    public ShellWord(string value, TextSpan span, bool isAssignment)
    {
        Value = value;
        Span = span;
        IsAssignment = isAssignment;
    }

    /// <summary>
    /// The expanded value; parts known only at run time (unassigned variables, command substitutions) are
    /// <see cref="Deployment.UnknownText.Marker"/>.
    /// </summary>
    public string Value { get; }

    /// <summary>Where the word is written in the file.</summary>
    public TextSpan Span { get; }

    /// <summary>Whether the word is an assignment (<c>NAME=value</c> with an unquoted name).</summary>
    public bool IsAssignment { get; }

    /// <inheritdoc />
    public override string ToString() => Value;
}
