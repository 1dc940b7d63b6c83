using Pax.Collector.Job;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // The first Ctrl+C stops the run, which then writes its report; a second one ends the process at once.
    e.Cancel = !cancellation.IsCancellationRequested;
    cancellation.Cancel();
};
// Cloud Run sends SIGTERM before it stops a task (timeout or cancelled execution).
using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    cancellation.Cancel();
});

return await CollectorApp.RunAsync(args, CollectorEnvironment.FromProcess(), cancellation.Token);
