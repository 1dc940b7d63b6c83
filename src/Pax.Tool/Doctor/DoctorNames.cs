using System.Text.RegularExpressions;

namespace Pax.Tool.Doctor;

/// <summary>Google's rules for the names the command line takes.</summary>
internal static partial class DoctorNames
{
    // cloud.google.com/resource-manager/docs/creating-managing-projects: 6-30 characters, lower-case letters, digits,
    // hyphens, starting with a letter and not ending with a hyphen (legacy "domain:id" projects are not accepted).
    public static bool IsProjectId(string? value) => value is not null && ProjectPattern().IsMatch(value);

    public static bool IsRegion(string? value) => value is not null && RegionPattern().IsMatch(value);

    [GeneratedRegex("^[a-z][a-z0-9-]{4,28}[a-z0-9]$", RegexOptions.CultureInvariant)]
    private static partial Regex ProjectPattern();

    // The same rule Pax.GoogleCloud's clients check (a region such as us-east1), so a region the tool accepts is never refused by a client.
    [GeneratedRegex("^[a-z]+(?:-[a-z]+)+[0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex RegionPattern();
}
