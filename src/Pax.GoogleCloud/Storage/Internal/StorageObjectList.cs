namespace Pax.GoogleCloud.Storage.Internal;

/// <summary>The wire form of an objects.list page; <c>items</c> is absent when the page is empty.</summary>
internal sealed class StorageObjectList
{
    public IReadOnlyList<StorageObject>? Items { get; set; }

    public string? NextPageToken { get; set; }
}
