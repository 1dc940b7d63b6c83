using System.CommandLine;
using System.Globalization;
using Pax.Collection.Cameras;
using Pax.Collection.Sinks;

namespace Pax.Collector.Job;

/// <summary>
/// The collector's command line. Every flag has an environment variable (<c>--camera-api</c> ↔ <c>PAX_CAMERA_API</c>),
/// which is how Cloud Run Jobs pass settings; a flag given on the command line wins over its variable.
/// </summary>
public sealed class CollectorCommand
{
    private readonly Option<string> _cameraApi = new("--camera-api") { Description = "Camera API base URL [env PAX_CAMERA_API; default https://webcams.nyctmc.org]", HelpName = "URL" };
    private readonly Option<string> _area = new("--area") { Description = "Collect the cameras of a named area [env PAX_AREA; default purple-corridor]", HelpName = "NAME" };
    private readonly Option<string> _manifest = new("--manifest") { Description = "Collect the cameras listed in a manifest file [env PAX_MANIFEST]", HelpName = "FILE" };
    private readonly Option<bool> _all = new("--all") { Description = "Collect every online camera [env PAX_ALL=true]" };
    private readonly Option<string> _sink = new("--sink") { Description = "Where snapshots go: a folder or gs://bucket/prefix [env PAX_SINK; default ./pax-data]", HelpName = "DIR|gs://bucket/prefix" };
    private readonly Option<string> _concurrency = new("--concurrency") { Description = "Cameras fetched at once [env PAX_CONCURRENCY; default 16]", HelpName = "N" };
    private readonly Option<string> _uploadConcurrency = new("--upload-concurrency") { Description = "Snapshots written to the sink at once [env PAX_UPLOAD_CONCURRENCY; default 32]", HelpName = "N" };
    private readonly Option<string> _slot = new("--slot") { Description = "An instant (ISO-8601) in the slot to collect; default: now [env PAX_SLOT]", HelpName = "ISO-8601" };
    private readonly Option<string> _writeManifest = new("--write-manifest") { Description = "Write a manifest of the selected cameras to FILE and exit [env PAX_WRITE_MANIFEST]", HelpName = "FILE" };
    private readonly Option<string> _minStoredRatio = new("--min-stored-ratio") { Description = "Exit non-zero when fewer than this share of eligible cameras end stored [env PAX_MIN_STORED_RATIO; default 0.9]", HelpName = "0..1" };
    private readonly Option<string> _completionTopic = new("--completion-topic") { Description = "Publish the run's completion (processor collector/{task index}, run key = slot) to this Pub/Sub topic, projects/P/topics/T [env PAX_COMPLETION_TOPIC]", HelpName = "TOPIC" };
    private readonly Option<string> _completionPhase = new("--completion-phase") { Description = "Phase named in the completion message [env PAX_COMPLETION_PHASE]", HelpName = "NAME" };
    private readonly Option<string> _deadline = new("--deadline") { Description = "Stop starting fetches after this long, e.g. 00:08:00 [env PAX_DEADLINE; default 8 minutes]", HelpName = "TIMESPAN" };

    /// <summary>Initializes the command; <paramref name="getVariable"/> reads <c>PAX_…</c> variables.</summary>
    /// <param name="getVariable">Returns an environment variable's value, or <see langword="null"/>.</param>
    public CollectorCommand(Func<string, string?> getVariable)
    {
        GetVariable = getVariable;
        Root = new RootCommand("Pax collector: stores one snapshot per camera for the current 30-minute slot, as a Cloud Run Job task.")
        {
            _cameraApi, _area, _manifest, _all, _sink, _concurrency, _uploadConcurrency, _slot, _writeManifest, _minStoredRatio, _deadline, _completionTopic, _completionPhase,
        };
    }

    /// <summary>Gets the root command (add an action with <see cref="Command.SetAction(Func{ParseResult, CancellationToken, Task{int}})"/>).</summary>
    public RootCommand Root { get; }

    private Func<string, string?> GetVariable { get; }

    /// <summary>Resolves the settings from a parse result and the environment.</summary>
    /// <param name="parse">The parse result.</param>
    /// <returns>The settings.</returns>
    /// <exception cref="FormatException">A value is invalid, or several camera selections were given; the message names the flag.</exception>
    public CollectorSettings Resolve(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var (area, manifest, all) = ResolveSelection(parse);
        return new CollectorSettings
        {
            CameraApi = ParseUri(Text(parse, _cameraApi, "PAX_CAMERA_API") ?? "https://webcams.nyctmc.org"),
            Area = area,
            Manifest = manifest,
            All = all,
            Sink = ParseSink(Text(parse, _sink, "PAX_SINK") ?? "./pax-data"),
            Concurrency = ParseNumber(Text(parse, _concurrency, "PAX_CONCURRENCY"), "--concurrency", 16),
            UploadConcurrency = ParseNumber(Text(parse, _uploadConcurrency, "PAX_UPLOAD_CONCURRENCY"), "--upload-concurrency", 32),
            Slot = Text(parse, _slot, "PAX_SLOT") is { } slot ? ParseSlot(slot) : null,
            WriteManifest = Text(parse, _writeManifest, "PAX_WRITE_MANIFEST"),
            MinStoredRatio = Text(parse, _minStoredRatio, "PAX_MIN_STORED_RATIO") is { } ratio ? ParseRatio(ratio) : null,
            Deadline = Text(parse, _deadline, "PAX_DEADLINE") is { } deadline ? ParseTimeSpan(deadline, "--deadline") : null,
            CompletionTopic = Text(parse, _completionTopic, "PAX_COMPLETION_TOPIC"),
            CompletionPhase = Text(parse, _completionPhase, "PAX_COMPLETION_PHASE"),
        };
    }

    private (string? Area, string? Manifest, bool All) ResolveSelection(ParseResult parse)
    {
        var flagAll = parse.GetResult(_all) is not null && parse.GetValue(_all);
        var flags = (Area: Flag(parse, _area), Manifest: Flag(parse, _manifest), All: flagAll);
        var chosen = Count(flags.Area, flags.Manifest, flags.All);
        if (chosen == 0)
        {
            var envAll = bool.TryParse(GetVariable("PAX_ALL"), out var all) && all;
            flags = (Env("PAX_AREA"), Env("PAX_MANIFEST"), envAll);
            chosen = Count(flags.Area, flags.Manifest, flags.All);
        }

        if (chosen > 1)
        {
            throw new FormatException("Give one camera selection: --area NAME, --manifest FILE or --all (or one of PAX_AREA, PAX_MANIFEST, PAX_ALL).");
        }

        return chosen == 0 ? ("purple-corridor", null, false) : flags;
    }

    private static int Count(string? area, string? manifest, bool all) => (area is null ? 0 : 1) + (manifest is null ? 0 : 1) + (all ? 1 : 0);

    private static string? Flag(ParseResult parse, Option<string> option) => parse.GetResult(option) is null ? null : parse.GetValue(option);

    private string? Env(string name) => GetVariable(name) is { Length: > 0 } value ? value : null;

    private string? Text(ParseResult parse, Option<string> option, string variable) => Flag(parse, option) ?? Env(variable);

    private static Uri ParseUri(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new FormatException($"--camera-api '{RedactedUrl.Format(text)}' is not an absolute http(s) URL.");

    private static string ParseSink(string text)
    {
        try
        {
            _ = SnapshotSinkLocation.Parse(text);
            return text;
        }
        catch (FormatException ex)
        {
            throw new FormatException($"--sink: {ex.Message}", ex);
        }
    }

    private static int ParseNumber(string? text, string flag, int fallback) =>
        text is null ? fallback
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? value
        : throw new FormatException($"{flag} '{text}' is not a positive whole number.");

    private static double ParseRatio(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value is >= 0 and <= 1
            ? value
            : throw new FormatException($"--min-stored-ratio '{text}' is not a number between 0 and 1.");

    private static TimeSpan ParseTimeSpan(string text, string flag) =>
        TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value) && value > TimeSpan.Zero
            ? value
            : throw new FormatException($"{flag} '{text}' is not a positive duration such as 00:08:00.");

    private static DateTimeOffset ParseSlot(string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value)
            ? value
            : throw new FormatException($"--slot '{text}' is not an ISO-8601 date and time such as 2026-02-10T14:30:00Z.");
}
