using System.ComponentModel.DataAnnotations;

namespace Pax.Collection.Snapshots;

/// <summary>Limits an image must meet to be stored as a snapshot.</summary>
public sealed class SnapshotValidationOptions
{
    /// <summary>Gets or sets the smallest accepted image, in bytes.</summary>
    /// <value>The default is 1,024 bytes; NYCTMC images are about 15–20 KB and broken ones are often under 200 bytes.</value>
    [Range(4, int.MaxValue)]
    public int MinBytes { get; set; } = 1024;

    /// <summary>Gets or sets the largest accepted image, in bytes.</summary>
    /// <value>The default is 1,048,576 bytes (1 MiB).</value>
    [Range(4, int.MaxValue)]
    public int MaxBytes { get; set; } = 1024 * 1024;
}
