using Pax.Tool;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // The first Ctrl+C stops the reads; a second one ends the process at once.
    e.Cancel = !cancellation.IsCancellationRequested;
    cancellation.Cancel();
};

return await PaxApp.RunAsync(args, ToolConsole.FromProcess(), cancellation.Token);
