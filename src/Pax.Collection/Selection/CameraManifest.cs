using Pax.Collection.Cameras;
using Pax.Collection.Selection.Internal;

namespace Pax.Collection.Selection;

/// <summary>
/// A fixed list of cameras to collect, in the seed system's JSON format:
/// <c>{"metadata":{"total_cameras":82,"corridor":{"boundary":…},"generated_at":…},"cameras":[{"number":1,"id":…,"name":…,"latitude":…,"longitude":…,"area":"Manhattan","isOnline":"true"},…]}</c>.
/// Files written by that system are read as they are; Pax writes the same fields plus <c>area</c>, <c>source</c>
/// and <c>generator</c> in the metadata.
/// </summary>
public sealed class CameraManifest
{
    /// <summary>Initializes a manifest.</summary>
    /// <param name="cameras">The cameras, in file order.</param>
    /// <param name="areaName">The area the cameras were selected from, or <see langword="null"/>.</param>
    /// <param name="boundary">A human description of the area's boundary, or <see langword="null"/>.</param>
    /// <param name="generatedAt">When the manifest was generated, or <see langword="null"/> when unknown.</param>
    /// <param name="source">Where the camera data came from (such as the camera list URL), or <see langword="null"/>.</param>
    public CameraManifest(IEnumerable<Camera> cameras, string? areaName = null, string? boundary = null, DateTimeOffset? generatedAt = null, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(cameras);
        Cameras = [.. cameras];
        AreaName = areaName;
        Boundary = boundary;
        GeneratedAt = generatedAt;
        Source = source;
    }

    /// <summary>Gets the cameras, in file order (each with its <see cref="Camera.Number"/> when the file has one).</summary>
    public IReadOnlyList<Camera> Cameras { get; }

    /// <summary>Gets the area the cameras were selected from (<c>metadata.area</c>), or <see langword="null"/>.</summary>
    public string? AreaName { get; }

    /// <summary>Gets the boundary description (<c>metadata.corridor.boundary</c>), or <see langword="null"/>.</summary>
    public string? Boundary { get; }

    /// <summary>Gets when the manifest was generated (<c>metadata.generated_at</c>; a time without offset is read as UTC), or <see langword="null"/>.</summary>
    public DateTimeOffset? GeneratedAt { get; }

    /// <summary>Gets where the camera data came from (<c>metadata.source</c>), or <see langword="null"/>.</summary>
    public string? Source { get; }

    /// <summary>
    /// The largest manifest file read: 16 MiB. A manifest of every NYCTMC camera (about 960) is about 250 KB; the bound
    /// keeps a wrong path (<c>/dev/zero</c>, a video, a log) from being read into memory whole.
    /// </summary>
    public const int MaxFileBytes = 16 * 1024 * 1024;

    /// <summary>Reads a manifest file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The manifest.</returns>
    /// <exception cref="CameraManifestException">The file is missing, unreadable, larger than <see cref="MaxFileBytes"/>, not JSON, or not a manifest; the message names the file and the problem.</exception>
    public static async Task<CameraManifest> LoadAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        byte[] bytes;
        try
        {
            bytes = await ReadBoundedAsync(path, cancellationToken).ConfigureAwait(false)
                ?? throw new CameraManifestException(path, $"the file is larger than {MaxFileBytes / (1024 * 1024)} MiB, which no camera manifest is; check the path");
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new CameraManifestException(path, "the file does not exist", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CameraManifestException(path, $"the file could not be read ({ex.Message})", ex);
        }

        return ManifestFormat.Read(bytes, path);
    }

    /// <summary>Reads a manifest from JSON text.</summary>
    /// <param name="json">The JSON.</param>
    /// <param name="sourceName">The name used in error messages (such as a file name).</param>
    /// <returns>The manifest.</returns>
    /// <exception cref="CameraManifestException">The text is not JSON or not a manifest.</exception>
    public static CameraManifest Parse(string json, string sourceName = "(text)")
    {
        ArgumentNullException.ThrowIfNull(json);
        return ManifestFormat.Read(System.Text.Encoding.UTF8.GetBytes(json), sourceName);
    }

    /// <summary>Writes the manifest as indented JSON (UTF-8, no byte order mark).</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => System.Text.Encoding.UTF8.GetString(ManifestFormat.Write(this));

    /// <summary>Writes the manifest to a file, replacing it atomically (written beside it first, then moved over it).</summary>
    /// <param name="path">The file.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the file is in place.</returns>
    /// <exception cref="CameraManifestException">The file could not be written.</exception>
    public async Task SaveAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = Path.GetFullPath(path);
        var temporary = fullPath + ".tmp-" + Guid.NewGuid().ToString("N");
        try
        {
            await File.WriteAllBytesAsync(temporary, ManifestFormat.Write(this), cancellationToken).ConfigureAwait(false);
            File.Move(temporary, fullPath, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CameraManifestException(path, $"the file could not be written ({ex.Message})", ex);
        }
        finally
        {
            DeleteIfPresent(temporary);
        }
    }

    /// <summary>Reads the whole file, or returns <see langword="null"/> as soon as it proves longer than <see cref="MaxFileBytes"/> (devices and pipes report no length).</summary>
    private static async Task<byte[]?> ReadBoundedAsync(string path, CancellationToken cancellationToken)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
        await using (stream.ConfigureAwait(false))
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > MaxFileBytes)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }

            return buffer.ToArray();
        }
    }

    private static void DeleteIfPresent(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Best effort: a leftover temporary file is harmless and named as such.
        }
    }
}
