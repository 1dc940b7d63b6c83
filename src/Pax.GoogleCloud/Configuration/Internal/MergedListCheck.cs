using Microsoft.Extensions.Configuration;

namespace Pax.GoogleCloud.Configuration.Internal;

/// <summary>
/// Finds lists whose entries come from more than one configuration source. .NET configuration merges lists by index
/// and a later source cannot remove an entry: <c>appsettings.json</c> with processors <c>[a, b, c]</c> and environment
/// variables <c>…Processors__0=x</c>, <c>…Processors__1=y</c> make <c>[x, y, c]</c>, silently. Such a list is refused,
/// naming the entries and where each came from, so the whole list is configured in one place.
/// </summary>
internal static class MergedListCheck
{
    public static void Check(IConfigurationRoot root, IConfigurationSection section, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(section);
        Visit(root, section, problems);
    }

    private static void Visit(IConfigurationRoot root, IConfigurationSection section, List<string> problems)
    {
        var children = section.GetChildren().ToList();
        if (children.Count > 1 && children.All(c => int.TryParse(c.Key, out _)))
        {
            var sources = children.Select(c => (Entry: c.Key, Sources: SourcesOf(root, c))).ToList();
            if (sources.Select(s => string.Join("|", s.Sources)).Distinct(StringComparer.Ordinal).Count() > 1)
            {
                var from = sources.GroupBy(s => string.Join(" and ", s.Sources), StringComparer.Ordinal)
                    .Select(g => $"{string.Join(", ", g.Select(s => s.Entry))} from {g.Key}");
                var values = children.All(c => c.Value is not null) ? $" [{string.Join(", ", children.Select(c => c.Value))}]" : string.Empty;
                problems.Add($"{section.Path} takes entries {string.Join(" and ", from)}: a later source cannot remove an entry of an earlier one, so the list is merged{values}. Configure the whole list in one place.");
                return;
            }
        }

        foreach (var child in children)
        {
            Visit(root, child, problems);
        }
    }

    /// <summary>The providers whose values win for the keys under <paramref name="entry"/> (the last provider holding a key wins).</summary>
    private static SortedSet<string> SourcesOf(IConfigurationRoot root, IConfigurationSection entry)
    {
        var sources = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var key in Leaves(entry))
        {
            if (root.Providers.LastOrDefault(p => p.TryGet(key, out _)) is { } provider)
            {
                sources.Add(Describe(provider));
            }
        }

        return sources;
    }

    /// <summary>Names a source as a person knows it, from how .NET's providers describe themselves: a file's name, "environment variables", "the command line".</summary>
    private static string Describe(IConfigurationProvider provider)
    {
        var text = provider.ToString() ?? provider.GetType().Name;
        var quoted = text.IndexOf(" for '", StringComparison.Ordinal);
        return text switch
        {
            _ when text.StartsWith("EnvironmentVariables", StringComparison.Ordinal) => "environment variables",
            _ when text.StartsWith("CommandLine", StringComparison.Ordinal) => "the command line",
            _ when quoted >= 0 && text.IndexOf('\'', quoted + 6) is var end and > 0 => text[(quoted + 6)..end],
            _ => text,
        };
    }

    private static IEnumerable<string> Leaves(IConfigurationSection section)
    {
        var children = section.GetChildren().ToList();
        return children.Count == 0 ? [section.Path] : children.SelectMany(Leaves);
    }
}
