using System.Diagnostics.Metrics;

namespace Pax.TestSupport.Metrics;

/// <summary>The instruments a meter factory's meters have published, as <c>"{name} {unit} {Counter|Histogram}&lt;{type}&gt;"</c> lines, sorted.</summary>
public static class PublishedInstruments
{
    /// <summary>Lists what <paramref name="factory"/>'s meter <paramref name="meterName"/> published (instruments of other factories, such as parallel tests', are left out).</summary>
    public static IReadOnlyList<string> Of(IMeterFactory factory, string meterName)
    {
        var published = new List<string>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, _) =>
            {
                if (ReferenceEquals(instrument.Meter.Scope, factory) && instrument.Meter.Name == meterName)
                {
                    var type = instrument.GetType();
                    published.Add($"{instrument.Name} {instrument.Unit} {type.Name.Split('`')[0]}<{type.GetGenericArguments()[0].Name}>");
                }
            },
        };
        listener.Start();
        published.Sort(StringComparer.Ordinal);
        return published;
    }
}
