using System.Text;

namespace Pax.Orchestration.Completion.Hosting.Internal;

/// <summary>
/// Finds a push envelope's message id in a body too large to parse, chunk by chunk: the first
/// <c>"messageId"</c> or <c>"message_id"</c> member followed by a short string value. Base64 <c>data</c> holds no
/// quote, so the pattern cannot be forged from inside the payload. Best effort: a body without it yields none.
/// </summary>
internal sealed class MessageIdScanner
{
    private const int MaxIdLength = 128;
    private static readonly byte[][] Names = [Encoding.ASCII.GetBytes("\"messageId\""), Encoding.ASCII.GetBytes("\"message_id\"")];
    private readonly List<byte> _window = [];

    public string? MessageId { get; private set; }

    /// <summary>Looks at the next chunk; returns <see langword="false"/> once the id is found.</summary>
    public bool Observe(ReadOnlyMemory<byte> chunk)
    {
        if (MessageId is not null)
        {
            return false;
        }

        _window.AddRange(chunk.Span);
        var text = _window.ToArray().AsSpan();
        foreach (var name in Names)
        {
            var at = text.IndexOf(name);
            if (at < 0)
            {
                continue;
            }

            if (TryReadValue(text[(at + name.Length)..], out var id, out var complete))
            {
                MessageId = id;
                return false;
            }

            if (!complete)
            {
                // The value continues in the next chunk: keep the window from the name on.
                _window.RemoveRange(0, at);
                return true;
            }
        }

        // Keep only what could hold the start of a name split across chunks.
        var keep = Math.Min(_window.Count, Names.Max(n => n.Length) + MaxIdLength + 8);
        _window.RemoveRange(0, _window.Count - keep);
        return true;
    }

    private static bool TryReadValue(ReadOnlySpan<byte> rest, out string? id, out bool complete)
    {
        id = null;
        complete = true;
        var i = 0;
        while (i < rest.Length && rest[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or (byte)':')
        {
            i++;
        }

        if (i >= rest.Length)
        {
            complete = false;
            return false;
        }

        if (rest[i] != '"')
        {
            return false;
        }

        var end = rest[(i + 1)..].IndexOf((byte)'"');
        if (end < 0)
        {
            complete = rest.Length - i > MaxIdLength;
            return false;
        }

        var value = rest.Slice(i + 1, end);
        if (value.Length is 0 or > MaxIdLength || value.IndexOf((byte)'\\') >= 0)
        {
            return false;
        }

        id = Encoding.UTF8.GetString(value);
        return true;
    }
}
