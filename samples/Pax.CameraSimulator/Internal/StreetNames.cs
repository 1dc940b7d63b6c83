using System.Globalization;

namespace Pax.CameraSimulator.Internal;

/// <summary>Camera names in the NYCTMC style ("5 Ave @ 42 St"): in the corridor from the position, elsewhere from per-borough street lists.</summary>
internal static class StreetNames
{
    // West to east across the corridor (9th Ave to 3rd Ave).
    private static readonly string[] CorridorAvenues = ["9 Ave", "8 Ave", "7 Ave", "6 Ave", "5 Ave", "Madison Ave", "Park Ave", "Lexington Ave", "3 Ave"];

    private static readonly Dictionary<string, (string[] Main, string[] Cross)> Boroughs = new()
    {
        ["Manhattan"] = (["Broadway", "FDR Dr", "West St", "1 Ave", "2 Ave", "Amsterdam Ave", "St Nicholas Ave", "Bowery"], ["96 St", "125 St", "Houston St", "Canal St", "14 St", "Chambers St", "Delancey St", "181 St"]),
        ["Brooklyn"] = (["Atlantic Ave", "Flatbush Ave", "Ocean Pkwy", "BQE", "Kings Hwy", "4 Ave"], ["Ave J", "Metropolitan Ave", "Fulton St", "86 St", "Church Ave", "Nostrand Ave"]),
        ["Queens"] = (["Queens Blvd", "Northern Blvd", "Woodhaven Blvd", "LIE", "Grand Central Pkwy", "Hillside Ave"], ["63 Dr", "Main St", "Junction Blvd", "Francis Lewis Blvd", "Union Tpke", "108 St"]),
        ["Bronx"] = (["Grand Concourse", "Bruckner Blvd", "Fordham Rd", "Cross Bronx Expwy", "Pelham Pkwy", "Jerome Ave"], ["161 St", "Hunts Point Ave", "Webster Ave", "Boston Rd", "Tremont Ave", "Gun Hill Rd"]),
        ["Staten Island"] = (["Hylan Blvd", "SIE", "Richmond Ave", "Victory Blvd", "Forest Ave"], ["Richmond Rd", "Bay St", "Arthur Kill Rd", "Clove Rd", "Targee St"]),
    };

    /// <summary>Names a corridor camera from its position: <paramref name="across"/> 0 (9th Ave) to 1 (3rd Ave), <paramref name="along"/> 0 (34th St) to 1 (66th St).</summary>
    public static string ForCorridor(double across, double along)
    {
        var street = 34 + (int)Math.Round(along * 32);
        var avenue = CorridorAvenues[(int)Math.Round(across * (CorridorAvenues.Length - 1))];
        avenue = street >= 60 ? avenue switch { "9 Ave" => "Amsterdam Ave", "8 Ave" => "Columbus Ave", _ => avenue } : avenue;
        return string.Create(CultureInfo.InvariantCulture, $"{avenue} @ {street} St");
    }

    public static string ForBorough(string borough, Random random)
    {
        var (main, cross) = Boroughs[borough];
        return $"{main[random.Next(main.Length)]} @ {cross[random.Next(cross.Length)]}";
    }

    /// <summary>A rough borough for a point outside the corridor (good enough for a simulator).</summary>
    public static string BoroughOf(double longitude, double latitude) =>
        longitude < -74.05 && latitude < 40.65 ? "Staten Island"
        : latitude > 40.80 && longitude > -73.93 ? "Bronx"
        : longitude is > -74.02 and < -73.94 && latitude > 40.70 ? "Manhattan"
        : latitude < 40.74 ? "Brooklyn"
        : "Queens";
}
