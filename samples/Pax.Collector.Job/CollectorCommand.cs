using System.CommandLine;
using Pax.Collection.Hosting;

namespace Pax.Collector.Job;

/// <summary>
/// The collector's command line, built from the library's table of flags (<see cref="CollectorFlags"/>): help text and
/// parse errors are System.CommandLine's; what a flag means, its variable and its configuration key are Pax.Collection's.
/// </summary>
public sealed class CollectorCommand
{
    private readonly Dictionary<Option, CollectorFlag> _flags = [];

    /// <summary>Initializes the command.</summary>
    public CollectorCommand()
    {
        Root = new RootCommand("Pax collector: stores one snapshot per camera for the current 30-minute slot, as a Cloud Run Job task.");
        foreach (var flag in CollectorFlags.All)
        {
            Option option = flag.IsSwitch
                ? new Option<bool>(flag.Name) { Description = flag.Description }
                : new Option<string>(flag.Name) { Description = flag.Description, HelpName = flag.HelpName };
            Root.Add(option);
            _flags.Add(option, flag);
        }
    }

    /// <summary>Gets the root command (add an action with <see cref="Command.SetAction(Func{ParseResult, CancellationToken, Task{int}})"/>).</summary>
    public RootCommand Root { get; }

    /// <summary>Returns the flags given on the command line and their values (<c>"true"</c>/<c>"false"</c> for a switch).</summary>
    /// <param name="parse">The parse result.</param>
    /// <returns>Flag name → value, for <see cref="CollectorConfiguration.AddPaxCollectorSettings"/>.</returns>
    public IReadOnlyDictionary<string, string?> GivenFlags(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var given = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (option, flag) in _flags.Where(f => parse.GetResult(f.Key) is not null))
        {
            given[flag.Name] = option is Option<bool> isSet ? (parse.GetValue(isSet) ? "true" : "false") : parse.GetValue((Option<string>)option);
        }

        return given;
    }
}
