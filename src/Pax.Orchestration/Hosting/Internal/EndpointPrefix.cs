namespace Pax.Orchestration.Hosting.Internal;

/// <summary>The optional path a <c>MapPax…</c> method maps its endpoints under: <see langword="null"/> or empty for the root, else a literal path such as <c>/orchestration</c>.</summary>
internal static class EndpointPrefix
{
    /// <summary>Returns <paramref name="prefix"/> as a route group prefix (empty for the root).</summary>
    /// <exception cref="ArgumentException"><paramref name="prefix"/> is not a literal path that starts with '/' and does not end with one.</exception>
    public static string Check(string? prefix, string parameterName)
    {
        if (string.IsNullOrEmpty(prefix))
        {
            return string.Empty;
        }

        if (!prefix.StartsWith('/') || prefix.EndsWith('/') || prefix.IndexOfAny(['{', '}', '?', '#', '*']) >= 0)
        {
            throw new ArgumentException($"The prefix must be a path such as '/orchestration': starting with '/', not ending with one, without route parameters, query or fragment (was '{prefix}').", parameterName);
        }

        return prefix;
    }
}
