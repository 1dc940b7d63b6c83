using System.Diagnostics;
using System.Text;

namespace Pax.TestSupport.Emulators.Internal;

/// <summary>Collects an emulator's output (the last 200 lines) for failure messages, and keeps its pipes drained.</summary>
internal sealed class EmulatorOutput
{
    private readonly Queue<string> _lines = new();
    private readonly Lock _gate = new();

    public EmulatorOutput(Process process)
    {
        process.OutputDataReceived += (_, e) => Add(e.Data);
        process.ErrorDataReceived += (_, e) => Add(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Text
    {
        get
        {
            lock (_gate)
            {
                return new StringBuilder().AppendJoin('\n', _lines).ToString();
            }
        }
    }

    private void Add(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            _lines.Enqueue(line);
            if (_lines.Count > 200)
            {
                _lines.Dequeue();
            }
        }
    }
}
