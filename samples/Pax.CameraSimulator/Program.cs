using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Pax.CameraSimulator;
using Pax.CameraSimulator.Internal;

var urls = new Option<string>("--urls")
{
    Description = "Where to listen (port 0 picks a free port).",
    DefaultValueFactory = _ => "http://127.0.0.1:5080",
};
var cameras = new Option<int>("--cameras")
{
    Description = "How many cameras the list has; the first 82 are in the purple corridor.",
    DefaultValueFactory = _ => 100,
};
var latency = new Option<TimeSpan>("--latency")
{
    Description = "Delay added to every image request: a TimeSpan (00:00:00.250) or a number with ms/s/m (250ms).",
    DefaultValueFactory = _ => TimeSpan.Zero,
    CustomParser = ParseDuration,
};
var listLatency = new Option<TimeSpan>("--list-latency")
{
    Description = "Delay added to every camera-list request (same formats as --latency).",
    DefaultValueFactory = _ => TimeSpan.Zero,
    CustomParser = ParseDuration,
};
var faultRate = new Option<double>("--fault-rate")
{
    Description = "Share (0-1) of image requests that get a fault: timeout, 503, truncated body, HTML body or slow body.",
    DefaultValueFactory = _ => 0,
};
var seed = new Option<int>("--seed")
{
    Description = "Seed of the camera list, images and faults.",
    DefaultValueFactory = _ => 1,
};

var root = new RootCommand("NYCTMC-compatible camera simulator: GET /api/cameras and /api/cameras/{id}/image with latency and fault knobs.")
{
    urls, cameras, latency, listLatency, faultRate, seed,
};
root.SetAction(async (parseResult, cancellationToken) =>
{
    var options = new CameraSimulatorOptions
    {
        Cameras = parseResult.GetValue(cameras),
        Latency = parseResult.GetValue(latency),
        ListLatency = parseResult.GetValue(listLatency),
        FaultRate = parseResult.GetValue(faultRate),
        Seed = parseResult.GetValue(seed),
    };
    try
    {
        options.Validate();
    }
    catch (ArgumentException ex)
    {
        await Console.Error.WriteLineAsync(ex.Message).ConfigureAwait(false);
        return 2;
    }

    var server = await CameraSimulatorServer.StartAsync(options, parseResult.GetValue(urls)!, cancellationToken: cancellationToken).ConfigureAwait(false);
    await using (server.ConfigureAwait(false))
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Pax camera simulator listening on {server.BaseAddress} ({options.Cameras} cameras, seed {options.Seed}, latency {options.Latency.TotalMilliseconds} ms, fault rate {options.FaultRate:P0})."));
        Console.WriteLine($"Camera list: {server.BaseAddress}api/cameras   Press Ctrl+C to stop.");
        await Pause.TryDelayAsync(Timeout.InfiniteTimeSpan, cancellationToken).ConfigureAwait(false);
    }

    Console.WriteLine("Pax camera simulator stopped.");
    return 0;
});
// Without an explicit configuration System.CommandLine 2.0.0 does not turn SIGTERM into the action's cancellation token.
var invocation = new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(10) };
return await root.Parse(args).InvokeAsync(invocation).ConfigureAwait(false);

static TimeSpan ParseDuration(ArgumentResult result)
{
    var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : null;
    if (DurationParser.TryParse(text, out var duration))
    {
        return duration;
    }

    result.AddError($"'{text}' is not a duration; use e.g. 250ms, 1.5s or 00:00:00.250.");
    return default;
}
