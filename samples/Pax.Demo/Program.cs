using Pax.Demo;
using Pax.Orchestration.Processing;

// Ctrl+C, `kill` and container stops (SIGTERM) stop the demo (or, with --serve, the endpoints) cleanly; a second
// signal ends the process at once.
using var shutdown = ShutdownSignal.Listen();
return await DemoApp.RunAsync(args, DemoEnvironment.FromProcess(), shutdown.StopRequested);
