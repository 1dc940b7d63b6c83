using Microsoft.Extensions.Configuration;

namespace Pax.GoogleCloud.Configuration.Internal;

/// <summary>
/// Finds lists that .NET configuration merges, by index, into something no source wrote. A later source cannot remove
/// an entry of an earlier one: <c>appsettings.json</c> with processors <c>[a, b, c]</c> and environment variables
/// <c>…Processors__0=x</c>, <c>…Processors__1=y</c> make <c>[x, y, c]</c>, silently. So a list of plain values whose
/// entries come from different sources is refused. A list of entries with keys (phases) may take single keys of an
/// entry from a later source (<c>…Phases__1__Deadline=06:00:00</c> over a settings file's phases); it is refused only
/// when a later source names entries (their <c>Name</c>) and so redefines the list: when it renames an entry (the
/// earlier entry's other keys would stay on it) or names some entries and leaves out later ones of an earlier source
/// (they would stay in the list). Each problem names the entries and where each came from.
/// </summary>
internal static class MergedListCheck
{
    /// <summary>The key that says which entry of a list of sections is which (a phase's <c>Name</c>).</summary>
    private const string IdentityKey = "Name";

    private const string Advice = "Configure the whole list in one place.";

    public static void Check(IConfigurationRoot root, IConfigurationSection section, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(section);
        Visit(root, section, problems);
    }

    private static void Visit(IConfigurationRoot root, IConfigurationSection section, List<string> problems)
    {
        var children = section.GetChildren().ToList();
        if (children.Count > 0 && children.All(c => int.TryParse(c.Key, out _)))
        {
            var found = children.All(c => c.Value is not null && !c.GetChildren().Any())
                ? CheckValues(root, section, children)
                : CheckEntries(root, section, children);
            if (found.Count > 0)
            {
                problems.AddRange(found);
                return;
            }
        }

        foreach (var child in children)
        {
            Visit(root, child, problems);
        }
    }

    /// <summary>A list of plain values (processor names): every entry from the same sources.</summary>
    private static List<string> CheckValues(IConfigurationRoot root, IConfigurationSection list, List<IConfigurationSection> entries)
    {
        var sources = entries.Select(c => new EntrySources(c.Key, SourcesOf(root, c))).ToList();
        if (sources.Select(s => string.Join("|", s.Sources)).Distinct(StringComparer.Ordinal).Count() <= 1)
        {
            return [];
        }

        var from = sources.GroupBy(s => string.Join(" and ", s.Sources), StringComparer.Ordinal)
            .Select(g => $"{string.Join(", ", g.Select(s => s.Entry))} from {g.Key}");
        return [$"{list.Path} takes entries {string.Join(" and ", from)}: a later source cannot remove an entry of an earlier one, so the list is merged [{string.Join(", ", entries.Select(c => c.Value))}]. {Advice}"];
    }

    /// <summary>A list of sections (phases): refused where a later source renames an entry or redefines the list without all of an earlier source's entries.</summary>
    private static List<string> CheckEntries(IConfigurationRoot root, IConfigurationSection list, List<IConfigurationSection> entries)
    {
        // Per entry, the sources that name it, in the order they are read (the last one wins).
        var names = entries.Select(e => new NamedEntry(e, Names(root, e))).ToList();
        return [.. names.Where(n => n.Names.Select(x => x.Name).Distinct(StringComparer.Ordinal).Count() > 1).Select(n => Renamed(root, n)), .. LeftBehind(root, list, names)];
    }

    /// <summary>An entry a later source names differently: the earlier entry's other keys stay on it.</summary>
    private static string Renamed(IConfigurationRoot root, NamedEntry entry)
    {
        var (winner, name) = entry.Names[^1];
        var earlier = entry.Names.Last(n => !string.Equals(n.Name, name, StringComparison.Ordinal));
        var kept = Leaves(entry.Entry)
            .Where(k => !k.EndsWith(":" + IdentityKey, StringComparison.OrdinalIgnoreCase) && Winner(root, k) is { } p && p != winner)
            .Select(k => k[(entry.Entry.Path.Length + 1)..]).ToList();
        var keeps = kept.Count > 0 ? $": the keys {Describe(earlier.Provider)} set for '{earlier.Name}' ({string.Join(", ", kept)}) stay on '{name}'" : string.Empty;
        return $"{entry.Entry.Path} is named '{name}' by {Describe(winner)} over '{earlier.Name}' from {Describe(earlier.Provider)}{keeps}. {Advice}";
    }

    /// <summary>A source that names entries 0..k leaves the earlier sources' entries after k in the list.</summary>
    private static IEnumerable<string> LeftBehind(IConfigurationRoot root, IConfigurationSection list, List<NamedEntry> names)
    {
        var providers = root.Providers.ToList();
        foreach (var provider in providers)
        {
            var own = names.Where(n => n.Names.Any(x => x.Provider == provider)).ToList();
            if (own.Count == 0)
            {
                continue;
            }

            var last = -1;
            foreach (var entry in own)
            {
                last = Math.Max(last, entry.Index);
            }

            var left = names.Where(n => n.Index > last && n.Names.Count > 0 && n.Names.All(x => providers.IndexOf(x.Provider) < providers.IndexOf(provider))).ToList();
            if (left.Count > 0)
            {
                var from = string.Join(" and ", left.GroupBy(n => Describe(n.Names[^1].Provider), StringComparer.Ordinal).Select(g => $"{string.Join(", ", g.Select(n => n.Entry.Key))} from {g.Key}"));
                var merged = string.Join(", ", names.Select(n => n.Names.Count > 0 ? n.Names[^1].Name : "?"));
                yield return $"{list.Path} takes entries {string.Join(", ", own.Select(n => n.Entry.Key))} from {Describe(provider)} and {from}: a later source cannot remove an entry of an earlier one, so the list is merged [{merged}]. {Advice}";
            }
        }
    }

    /// <summary>The sources that set the entry's <c>Name</c>, with the name each sets, in the order they are read.</summary>
    private static List<ProviderName> Names(IConfigurationRoot root, IConfigurationSection entry)
    {
        var key = entry.Path + ":" + IdentityKey;
        var names = new List<ProviderName>();
        foreach (var provider in root.Providers)
        {
            if (provider.TryGet(key, out var name) && !string.IsNullOrEmpty(name))
            {
                names.Add(new ProviderName(provider, name));
            }
        }

        return names;
    }

    /// <summary>The providers whose values win for the keys under <paramref name="entry"/> (the last provider holding a key wins).</summary>
    private static SortedSet<string> SourcesOf(IConfigurationRoot root, IConfigurationSection entry)
    {
        var sources = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var key in Leaves(entry))
        {
            if (Winner(root, key) is { } provider)
            {
                sources.Add(Describe(provider));
            }
        }

        return sources;
    }

    private static IConfigurationProvider? Winner(IConfigurationRoot root, string key) => root.Providers.LastOrDefault(p => p.TryGet(key, out _));

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

    // Records, not value tuples, in what LINQ handles here: the check runs in every start, before the first request, and
    // LINQ over a value tuple is generic code compiled at run time (README › Benchmarks › Cold start).

    /// <summary>A list entry and the sources its keys come from.</summary>
    private sealed record EntrySources(string Entry, SortedSet<string> Sources);

    /// <summary>A source and the name it gives an entry.</summary>
    private sealed record ProviderName(IConfigurationProvider Provider, string Name);

    /// <summary>A list entry and the sources that name it (<see cref="IdentityKey"/>), in the order they are read.</summary>
    private sealed record NamedEntry(IConfigurationSection Entry, List<ProviderName> Names)
    {
        public int Index { get; } = int.Parse(Entry.Key, System.Globalization.CultureInfo.InvariantCulture);
    }
}
