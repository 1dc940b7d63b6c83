using Pax.Benchmarks.Collection;
using Pax.Benchmarks.Dashboard;
using Pax.Benchmarks.Orchestration;
using Pax.Benchmarks.Startup;

// Benchmarks are run by hand (never by `dotnet test`); each prints a table to paste into README.md with its command.
//   dotnet run -c Release --project tests/Pax.Benchmarks -- collection
//   dotnet run -c Release --project tests/Pax.Benchmarks -- collection-gcs [--before /tmp/bench-base/Pax.Benchmarks.dll]
//   dotnet run -c Release --project tests/Pax.Benchmarks -- orchestration
//   dotnet run -c Release --project tests/Pax.Benchmarks -- fan-in
//   dotnet run -c Release --project tests/Pax.Benchmarks -- scheduling
//   dotnet run -c Release --project tests/Pax.Benchmarks -- dashboard [--store sqlite|firestore] [--tallies N] [--jobs N]  (docs/dashboard.md › Search and filters)
//   dotnet run -c Release --project tests/Pax.Benchmarks -- startup --bare BARE.dll --app after=FUNCTION.dll [--app before=OTHER.dll]  (README › Benchmarks › Cold start)
return args switch
{
    ["collection", ..] => await CollectionBenchmark.RunAsync(args[1..]),
    ["collection-scenario", ..] => await CollectionScenario.RunInThisProcessAsync(args[1..]),
    ["collection-gcs", ..] => await GcsCollectionBenchmark.RunAsync(args[1..]),
    ["collection-gcs-scenario", ..] => await GcsCollectionScenario.RunInThisProcessAsync(args[1..]),
    ["orchestration", ..] => await OrchestrationBenchmark.RunAsync(args[1..]),
    ["fan-in", ..] => await FanInBenchmark.RunAsync(args[1..]),
    ["scheduling", ..] => await SchedulingBenchmark.RunAsync(args[1..]),
    ["startup", ..] => await StartupBenchmark.RunAsync(args[1..]),
    ["dashboard", ..] => await DashboardBenchmark.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Pax.Benchmarks collection [--latency-ms 250] [--rounds 1] [--scenario 82x16 …] [--build NAME=OTHER/Pax.Benchmarks.dll or a self-contained build's executable …]");
    Console.Error.WriteLine("       Pax.Benchmarks collection-gcs [--before OTHER/Pax.Benchmarks.dll] [--cameras 2000] [--concurrency 64] [--latency-ms 250] [--storage-latency-ms 20]");
    Console.Error.WriteLine("       Pax.Benchmarks orchestration [--run-keys 1000] [--processors 6] [--deliveries 2] [--concurrency 32] [--store firestore|sqlite] [--tracing off|on]");
    Console.Error.WriteLine("       Pax.Benchmarks fan-in [--reporters 10000] [--deliveries 2] [--concurrency 64] [--rounds 3] [--narrow-run-keys 1000] [--store firestore|sqlite]");
    Console.Error.WriteLine("       Pax.Benchmarks startup --bare BARE/Pax.Benchmarks.BareApi.dll --app NAME=FUNCTION/Pax.Orchestrator.Function.dll [--app NAME=…] [--starts 9]");
    Console.Error.WriteLine("       Pax.Benchmarks dashboard [--store sqlite|firestore] [--tallies 1000000] [--jobs 200000] [--requests 50]");
    Console.Error.WriteLine("       Pax.Benchmarks scheduling [--jobs 10000] [--tickers 4] [--max-per-tick 500] [--concurrency 8] [--store firestore|sqlite]");
    return 2;
}
