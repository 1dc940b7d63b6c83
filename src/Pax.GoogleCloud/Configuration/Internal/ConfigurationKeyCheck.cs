using System.Collections;
using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using Pax.GoogleCloud.Internal;

namespace Pax.GoogleCloud.Configuration.Internal;

/// <summary>
/// Reads a configuration section the way the binder will bind it and names, by full key, what the binder would
/// silently drop: a key no option binds to (with the key that was probably meant), a value that does not convert (with
/// the form it should take), a list entry that is not an index, and a section where a value is expected or the reverse.
/// The binder itself swallows the errors of list entries (a phase whose <c>Deadline</c> does not convert simply
/// disappears), so this runs before it.
/// </summary>
internal static class ConfigurationKeyCheck
{
    private const int MaxDepth = 16;

    /// <summary>
    /// Adds one problem per mistake under <paramref name="section"/> (named by its full path) to <paramref name="problems"/>,
    /// and to <paramref name="warnings"/> the keys of a section that allows other keys (<see cref="ConfigurationShape.AllowsOtherKeys"/>)
    /// that no option binds to and that are not close to one that does.
    /// </summary>
    public static void Check(IConfigurationSection section, ConfigurationShape shape, List<string> problems, List<string>? warnings = null)
    {
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(shape);
        var renamed = CheckRenamed(section, shape, problems);
        CheckShape(section, shape, problems, warnings, 0, renamed);
    }

    /// <summary>
    /// One line per key the section used to take and still sets (<see cref="ConfigurationShape.Renamed"/>), naming the key
    /// that replaced it in both spellings, <c>A:B</c> and the environment variable <c>A__B</c>; returns their full paths,
    /// which the rest of the check then passes over (one line per mistake, not a "did you mean" beside it).
    /// </summary>
    private static HashSet<string> CheckRenamed(IConfigurationSection section, ConfigurationShape shape, List<string> problems)
    {
        var reported = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (oldKey, newKey) in shape.Renamed)
        {
            var old = section.GetSection(oldKey);
            var becameSection = newKey.StartsWith(oldKey + ":", StringComparison.OrdinalIgnoreCase);
            if (old.Value is null && (becameSection || !old.GetChildren().Any()))
            {
                continue;
            }

            var replacement = $"{section.Path}:{newKey}";
            problems.Add($"{old.Path} was renamed: set {replacement} instead (environment variable {replacement.Replace(":", "__", StringComparison.Ordinal)}).");
            reported.Add(old.Path);
        }

        return reported;
    }

    private static void CheckShape(IConfigurationSection section, ConfigurationShape shape, List<string> problems, List<string>? warnings, int depth, HashSet<string> renamed)
    {
        var properties = shape.Types.SelectMany(Bindable).ToList();
        foreach (var child in section.GetChildren())
        {
            if (OnlyRenamed(child, renamed))
            {
                continue;
            }

            if (shape.Sections.TryGetValue(child.Key, out var nested))
            {
                CheckShape(child, nested, problems, warnings, depth + 1, renamed);
            }
            else if (properties.FirstOrDefault(p => string.Equals(p.Name, child.Key, StringComparison.OrdinalIgnoreCase)) is { } property)
            {
                CheckValue(child, property.PropertyType, problems, depth + 1, renamed);
            }
            else
            {
                var known = properties.Select(p => p.Name).Concat(shape.Sections.Keys).Distinct(StringComparer.Ordinal).ToList();
                if (shape.AllowsOtherKeys && ClosestName.Find(child.Key, known) is null)
                {
                    warnings?.Add($"{child.Path} is not a Pax setting, so Pax leaves it to the application; if it was meant for Pax, {section.Path} takes: {string.Join(", ", known)}.");
                }
                else
                {
                    problems.Add(Unknown(child, known));
                }
            }
        }
    }

    /// <summary>Whether everything <paramref name="section"/> sets is a renamed key already reported (such as <c>Push</c> holding only the renamed <c>Push:Audience</c>).</summary>
    private static bool OnlyRenamed(IConfigurationSection section, HashSet<string> renamed)
    {
        if (renamed.Contains(section.Path))
        {
            return true;
        }

        var children = section.GetChildren().ToList();
        return renamed.Count > 0 && section.Value is null && children.Count > 0 && children.All(c => OnlyRenamed(c, renamed));
    }

    private static void CheckValue(IConfigurationSection section, Type type, List<string> problems, int depth, HashSet<string> renamed)
    {
        if (depth > MaxDepth)
        {
            return;
        }

        var children = section.GetChildren().ToList();
        if (ConfigurationValueForms.IsValue(type))
        {
            if (children.Count > 0)
            {
                problems.Add($"{section.Path} is a value ({ConfigurationValueForms.Expected(type)}), not a section: remove {children[0].Path}.");
            }
            else if (section.Value is { } value && !ConfigurationValueForms.Converts(value, type))
            {
                problems.Add($"{section.Path} = '{value}' is not {ConfigurationValueForms.Expected(type)}.");
            }

            return;
        }

        var element = ElementType(type, out var keyed);
        if (element is null && (type.IsInterface || type.IsAbstract))
        {
            problems.Add($"{section.Path} cannot be set from configuration (it is set in code).");
            return;
        }

        var list = element is not null && !keyed;
        if (!string.IsNullOrEmpty(section.Value))
        {
            if (children.Count == 0)
            {
                problems.Add(list
                    ? $"{section.Path} = '{section.Value}' is a list, not one value: number the entries {section.Path}:0, {section.Path}:1, … (environment variables {Variable(section.Path)}__0, {Variable(section.Path)}__1, …)."
                    : $"{section.Path} = '{section.Value}' is a section, not a value: set its keys ({section.Path}:…) instead.");
                return;
            }

            // Both a value and keys below it (Processors=a,b and Processors__0=a): the binder takes the keys, silently.
            problems.Add($"{section.Path} = '{section.Value}' is ignored: {section.Path} is {(list ? "a list" : "a section")} and takes its {(list ? "entries" : "keys")} ({children[0].Path}, …); remove the value.");
        }

        if (element is not null)
        {
            foreach (var child in children)
            {
                if (!keyed && !int.TryParse(child.Key, NumberStyles.None, CultureInfo.InvariantCulture, out _))
                {
                    problems.Add($"{child.Path} is not a list entry: number the entries {section.Path}:0, {section.Path}:1, ….");
                    continue;
                }

                CheckValue(child, element, problems, depth + 1, renamed);
            }

            return;
        }

        CheckShape(section, new ConfigurationShape(type), problems, null, depth, renamed);
    }

    /// <summary>The environment variable that sets <paramref name="path"/>: <c>Pax__Orchestration__Phases__0__Processors</c>.</summary>
    private static string Variable(string path) => path.Replace(":", "__", StringComparison.Ordinal);

    private static string Unknown(IConfigurationSection child, IReadOnlyList<string> known)
    {
        var parent = child.Path[..Math.Max(0, child.Path.Length - child.Key.Length - 1)];
        var meant = ClosestName.Find(child.Key, known);
        return meant is not null
            ? $"{child.Path} is not a setting — did you mean '{meant}'?"
            : $"{child.Path} is not a setting; {parent} takes: {string.Join(", ", known)}.";
    }

    /// <summary>The properties the binder sets: public, readable, settable or (for sections) readable only; no indexers.</summary>
    private static IEnumerable<PropertyInfo> Bindable(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.GetMethod is { IsPublic: true }
                && (p.SetMethod is { IsPublic: true } || !ConfigurationValueForms.IsValue(p.PropertyType)));

    /// <summary>The element type of a list, array, set or dictionary (<paramref name="keyed"/> for a dictionary), else <see langword="null"/>.</summary>
    private static Type? ElementType(Type type, out bool keyed)
    {
        keyed = false;
        if (type.IsArray)
        {
            return type.GetElementType();
        }

        if (!typeof(IEnumerable).IsAssignableFrom(type) || type == typeof(string))
        {
            return null;
        }

        var candidates = type.IsInterface ? type.GetInterfaces().Append(type) : type.GetInterfaces();
        var dictionary = candidates.FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() is var d && (d == typeof(IDictionary<,>) || d == typeof(IReadOnlyDictionary<,>)));
        if (dictionary is not null)
        {
            keyed = true;
            return dictionary.GetGenericArguments()[1];
        }

        return candidates.FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];
    }
}
