namespace Pax.GoogleCloud.Firestore;

/// <summary>Field path syntax for masks and queries: simple names stay as they are, others are quoted with backticks.</summary>
internal static class FirestoreFieldPath
{
    /// <summary>Quotes one field name for use in a field path when it is not a simple name (<c>[A-Za-z_][A-Za-z0-9_]*</c>).</summary>
    /// <param name="fieldName">The field name.</param>
    /// <returns>The name, or the name in backticks with <c>`</c> and <c>\</c> escaped.</returns>
    public static string Quote(string fieldName)
    {
        ArgumentException.ThrowIfNullOrEmpty(fieldName);
        var simple = (char.IsAsciiLetter(fieldName[0]) || fieldName[0] == '_')
            && fieldName.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
        return simple ? fieldName : "`" + fieldName.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("`", "\\`", StringComparison.Ordinal) + "`";
    }
}
