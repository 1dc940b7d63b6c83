namespace Pax.Orchestration.Processing.Internal;

/// <summary>
/// The <c>PAX_*</c> variable of each <see cref="ProcessorOptions"/> key: Cloud Run Jobs are configured with variables,
/// and a variable wins over <c>appsettings.json</c>.
/// </summary>
internal static class ProcessorVariables
{
    public const string Name = "PAX_PROCESSOR";
    public const string Phase = "PAX_COMPLETION_PHASE";
    public const string CompletionTopic = "PAX_COMPLETION_TOPIC";
    public const string Job = "PAX_JOB";

    private static readonly (string Property, string Variable)[] All =
    [
        (nameof(ProcessorOptions.Name), Name),
        (nameof(ProcessorOptions.Phase), Phase),
        (nameof(ProcessorOptions.CompletionTopic), CompletionTopic),
        (nameof(ProcessorOptions.Job), Job),
    ];

    /// <summary>Returns the configuration keys the set variables give, such as <c>Pax:Processor:Name</c> = <c>PAX_PROCESSOR</c>.</summary>
    public static IEnumerable<KeyValuePair<string, string?>> Read(Func<string, string?> getVariable) =>
        All.Where(e => !string.IsNullOrEmpty(getVariable(e.Variable)))
            .Select(e => KeyValuePair.Create(Key(e.Property), getVariable(e.Variable)));

    /// <summary>Names a setting both ways, as messages do: <c>Pax:Processor:Name (PAX_PROCESSOR)</c>.</summary>
    public static string Describe(string property) => $"{Key(property)} ({All.First(e => e.Property == property).Variable})";

    private static string Key(string property) => $"{ProcessorOptions.SectionName}:{property}";
}
