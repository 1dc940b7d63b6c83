namespace Pax.Orchestration.Processing.Internal;

/// <summary>What a processor takes from its process: variables, output streams and the clock (tests give their own).</summary>
/// <param name="GetVariable">Reads an environment variable.</param>
/// <param name="Output">Standard output (Cloud Logging's JSON lines on Cloud Run).</param>
/// <param name="Error">Standard error (the <c>error: …</c> line elsewhere).</param>
/// <param name="TimeProvider">The clock.</param>
internal sealed record ProcessorProcess(Func<string, string?> GetVariable, TextWriter Output, TextWriter Error, TimeProvider TimeProvider)
{
    public static ProcessorProcess Current() => new(Environment.GetEnvironmentVariable, Console.Out, Console.Error, TimeProvider.System);
}
