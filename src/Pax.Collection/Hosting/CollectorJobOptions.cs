using Pax.Collection.Runs;
using Pax.Collection.Selection;

namespace Pax.Collection.Hosting;

/// <summary>
/// What a collector Job collects, bound from the <c>Pax:Collection</c> section beside <see cref="CollectionOptions"/>
/// (the flags and <c>PAX_*</c> variables of <see cref="CollectorFlags"/> land on these keys) and validated at startup:
/// at most one of <see cref="Area"/>, <see cref="Manifest"/> and <see cref="All"/>.
/// </summary>
public sealed class CollectorJobOptions
{
    /// <summary>Gets or sets the named area whose cameras are collected (<c>Pax:Collection:Area</c>).</summary>
    /// <value>The default is <see langword="null"/>: <see cref="CameraAreas.PurpleCorridorName"/> when no other selection is set.</value>
    public string? Area { get; set; }

    /// <summary>Gets or sets the manifest file whose cameras are collected (<c>Pax:Collection:Manifest</c>).</summary>
    /// <value>The default is <see langword="null"/>.</value>
    public string? Manifest { get; set; }

    /// <summary>Gets or sets a value indicating whether every online camera is collected (<c>Pax:Collection:All</c>).</summary>
    /// <value>The default is <see langword="false"/>.</value>
    public bool All { get; set; }

    /// <summary>Gets or sets an instant in the slot to collect (<c>Pax:Collection:Slot</c>), floored to the slot start.</summary>
    /// <value>The default is <see langword="null"/>: the slot of the current time.</value>
    public DateTimeOffset? Slot { get; set; }

    /// <summary>Gets or sets a file to write a manifest of the selection to instead of collecting (<c>Pax:Collection:WriteManifest</c>).</summary>
    /// <value>The default is <see langword="null"/>: collect.</value>
    public string? WriteManifest { get; set; }
}
