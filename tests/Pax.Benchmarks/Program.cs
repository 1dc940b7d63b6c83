using Pax.Benchmarks.Collection;

// Benchmarks are run by hand (never by `dotnet test`); each prints a table to paste into README.md with its command.
//   dotnet run -c Release --project tests/Pax.Benchmarks -- collection
return args switch
{
    ["collection", ..] => await CollectionBenchmark.RunAsync(args[1..]),
    ["collection-scenario", ..] => await CollectionScenario.RunInThisProcessAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Pax.Benchmarks collection [--latency-ms 250]");
    return 2;
}
