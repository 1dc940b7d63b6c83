namespace Pax.Orchestration.Internal;

/// <summary>
/// Where the options validators read the process's environment (<c>K_SERVICE</c>: are we a Cloud Run service?). DI
/// registers <see cref="System"/>; a test host registers its own first to stand for a Cloud Run instance or not.
/// </summary>
/// <param name="getVariable">Reads one environment variable.</param>
internal sealed class ProcessEnvironment(Func<string, string?> getVariable)
{
    /// <summary>The real process environment.</summary>
    public static ProcessEnvironment System { get; } = new(Environment.GetEnvironmentVariable);

    /// <summary>Reads <paramref name="name"/>, or <see langword="null"/>.</summary>
    public string? Get(string name) => getVariable(name);
}
