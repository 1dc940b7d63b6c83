using Pax.Collector.Job;
using Pax.Orchestration.Processing;

// Cloud Run sends SIGTERM before it stops a task (timeout or cancelled execution); Ctrl+C stands for it locally.
using var shutdown = ShutdownSignal.Listen();
return await CollectorApp.RunAsync(args, CollectorEnvironment.FromProcess(), shutdown.StopRequested);
