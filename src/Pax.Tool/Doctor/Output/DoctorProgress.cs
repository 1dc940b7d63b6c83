namespace Pax.Tool.Doctor.Output;

/// <summary>
/// Says on standard error what is being read, one line rewritten in place — only when standard error is a terminal, so
/// a pipe, a file and <c>--format json</c> consumers never see it and a person never stares at a silent tool.
/// </summary>
internal sealed class DoctorProgress(TextWriter error, bool enabled)
{
    // ANSI "erase in line" after a carriage return: the next status replaces the previous one.
    private const string ClearLine = "\r\u001b[2K";
    private bool _shown;

    /// <summary>Gets a progress that writes nothing.</summary>
    public static DoctorProgress None { get; } = new(TextWriter.Null, enabled: false);

    public void Report(string status)
    {
        if (!enabled)
        {
            return;
        }

        error.Write($"{ClearLine}pax doctor: reading {status}…");
        error.Flush();
        _shown = true;
    }

    public void Clear()
    {
        if (_shown)
        {
            error.Write(ClearLine);
            error.Flush();
            _shown = false;
        }
    }
}
