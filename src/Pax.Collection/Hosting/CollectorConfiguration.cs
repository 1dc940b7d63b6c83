using System.Globalization;
using Microsoft.Extensions.Configuration;
using Pax.Collection.Sinks;
using Pax.Collection.Cameras.Internal;

namespace Pax.Collection.Hosting;

/// <summary>
/// Maps the collector's flags and <c>PAX_*</c> variables (<see cref="CollectorFlags"/>) onto <c>Pax:Collection</c>
/// configuration keys, exactly as the README documents them: a flag wins over its variable; one camera selection
/// (<c>--area</c>, <c>--manifest</c>, <c>--all</c>) is taken from the flags when any is given, else from the variables;
/// values are checked here so that a mistake names the flag (<c>--concurrency '0' is not a positive whole number.</c>).
/// Settings that are not given set no key, so the library's defaults (and <c>appsettings.json</c>) apply.
/// </summary>
public static class CollectorConfiguration
{
    // The value check of each flag that takes a value, keyed by the flag itself (not its name), so the table and the
    // checks cannot drift apart; flags without an entry (files, names, topics) pass their text through.
    private static readonly Dictionary<CollectorFlag, Func<CollectorFlag, string, string>> Checks = new()
    {
        [CollectorFlags.CameraApi] = static (flag, text) => Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri.AbsoluteUri
            : throw new FormatException($"{flag.Name} '{RedactedUrl.Format(text)}' is not an absolute http(s) URL."),

        // The sink's one parser; its error is the options validator's, named after the flag.
        [CollectorFlags.Sink] = static (flag, text) => SnapshotSinkLocation.TryParse(text, out _, out var error) ? text : throw new FormatException($"{flag.Name}: {error}"),
        [CollectorFlags.Concurrency] = PositiveNumber,
        [CollectorFlags.UploadConcurrency] = PositiveNumber,
        [CollectorFlags.Slot] = static (flag, text) => DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var slot)
            ? slot.ToString("O", CultureInfo.InvariantCulture)
            : throw new FormatException($"{flag.Name} '{text}' is not an ISO-8601 date and time such as 2026-02-10T14:30:00Z."),
        [CollectorFlags.MinStoredRatio] = static (flag, text) => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var ratio) && ratio is >= 0 and <= 1
            ? ratio.ToString("R", CultureInfo.InvariantCulture)
            : throw new FormatException($"{flag.Name} '{text}' is not a number between 0 and 1."),
        [CollectorFlags.Deadline] = static (flag, text) => TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var deadline) && deadline > TimeSpan.Zero
            ? deadline.ToString("c", CultureInfo.InvariantCulture)
            : throw new FormatException($"{flag.Name} '{text}' is not a positive duration such as 00:08:00."),
    };

    /// <summary>Resolves the given flags and the environment into configuration keys and values.</summary>
    /// <param name="flags">Flag name (such as <c>--sink</c>) → the value given on the command line (<c>"true"</c> for a switch); flags not given are absent.</param>
    /// <param name="getVariable">Reads an environment variable; <see langword="null"/> or empty means unset.</param>
    /// <returns>Configuration key → value, for <see cref="MemoryConfigurationBuilderExtensions.AddInMemoryCollection(IConfigurationBuilder, IEnumerable{KeyValuePair{string, string?}}?)"/>.</returns>
    /// <exception cref="FormatException">A value is invalid, or several camera selections were given; the message names the flag.</exception>
    public static IReadOnlyDictionary<string, string?> Resolve(IReadOnlyDictionary<string, string?> flags, Func<string, string?> getVariable)
    {
        ArgumentNullException.ThrowIfNull(flags);
        ArgumentNullException.ThrowIfNull(getVariable);
        var unknown = flags.Keys.FirstOrDefault(name => CollectorFlags.All.All(f => f.Name != name));
        if (unknown is not null)
        {
            throw new FormatException($"'{unknown}' is not a collector flag.");
        }

        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        ResolveSelection(flags, getVariable, values);
        foreach (var flag in CollectorFlags.All.Where(f => !IsSelection(f)))
        {
            var text = flags.TryGetValue(flag.Name, out var given) && given is not null ? given
                : getVariable(flag.Variable) is { Length: > 0 } variable ? variable
                : null;
            if (text is not null)
            {
                values[flag.Key] = Canonical(flag, text);
            }
        }

        return values;
    }

    /// <summary>Adds the collector's flags and <c>PAX_*</c> variables as <c>Pax:Collection</c> keys (see <see cref="Resolve"/>).</summary>
    /// <param name="builder">The configuration builder; add it after <c>appsettings.json</c> so that flags and variables win.</param>
    /// <param name="flags">Flag name → the value given on the command line.</param>
    /// <param name="getVariable">Reads an environment variable (such as <see cref="Environment.GetEnvironmentVariable(string)"/>).</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="FormatException">A value is invalid, or several camera selections were given; the message names the flag.</exception>
    public static IConfigurationBuilder AddPaxCollectorSettings(this IConfigurationBuilder builder, IReadOnlyDictionary<string, string?> flags, Func<string, string?> getVariable)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddInMemoryCollection(Resolve(flags, getVariable));
    }

    private static bool IsSelection(CollectorFlag flag) =>
        flag == CollectorFlags.Area || flag == CollectorFlags.Manifest || flag == CollectorFlags.AllOnline;

    private static void ResolveSelection(IReadOnlyDictionary<string, string?> flags, Func<string, string?> getVariable, Dictionary<string, string?> values)
    {
        string? Flag(CollectorFlag flag) => flags.TryGetValue(flag.Name, out var value) ? value : null;
        string? Variable(CollectorFlag flag) => getVariable(flag.Variable) is { Length: > 0 } value ? value : null;

        var chosen = (Area: Flag(CollectorFlags.Area), Manifest: Flag(CollectorFlags.Manifest), All: flags.TryGetValue(CollectorFlags.AllOnline.Name, out var all) && all is not "false");
        if (Count(chosen) == 0)
        {
            // PAX_ALL selects every camera when it says true (bool.TryParse: "true", "True", " TRUE "); anything else does not.
            chosen = (Variable(CollectorFlags.Area), Variable(CollectorFlags.Manifest), bool.TryParse(getVariable(CollectorFlags.AllOnline.Variable), out var env) && env);
        }

        if (Count(chosen) > 1)
        {
            throw new FormatException("Give one camera selection: --area NAME, --manifest FILE or --all (or one of PAX_AREA, PAX_MANIFEST, PAX_ALL).");
        }

        if (chosen.Area is not null)
        {
            values[CollectorFlags.Area.Key] = chosen.Area;
        }
        else if (chosen.Manifest is not null)
        {
            values[CollectorFlags.Manifest.Key] = chosen.Manifest;
        }
        else if (chosen.All)
        {
            values[CollectorFlags.AllOnline.Key] = "true";
        }

        static int Count((string? Area, string? Manifest, bool All) s) => (s.Area is null ? 0 : 1) + (s.Manifest is null ? 0 : 1) + (s.All ? 1 : 0);
    }

    private static string Canonical(CollectorFlag flag, string text) => Checks.TryGetValue(flag, out var check) ? check(flag, text) : text;

    private static string PositiveNumber(CollectorFlag flag, string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0
            ? number.ToString(CultureInfo.InvariantCulture)
            : throw new FormatException($"{flag.Name} '{text}' is not a positive whole number.");
}
