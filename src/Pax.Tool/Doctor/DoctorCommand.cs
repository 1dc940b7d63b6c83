using System.CommandLine;
using System.Globalization;

namespace Pax.Tool.Doctor;

/// <summary>
/// <c>pax doctor --project P --region R [--region R2 …] [--format table|json] [--timeout SECONDS] [--fix [--yes]]</c>: the command line of the live-project check.
/// </summary>
internal sealed class DoctorCommand
{
    private readonly Option<string> _project = new("--project")
    {
        Description = "The Google Cloud project id to check",
        HelpName = "PROJECT",
        Required = true,
    };

    private readonly Option<string[]> _region = new("--region")
    {
        Description = "A region whose Cloud Scheduler jobs, Eventarc triggers, Cloud Functions and Cloud Run services and jobs are read; repeat for more",
        HelpName = "REGION",
        Required = true,
        AllowMultipleArgumentsPerToken = false,
        Arity = ArgumentArity.OneOrMore,
    };

    private readonly Option<string> _format = new("--format")
    {
        Description = "Report format: table (grouped by severity, with the gcloud fix) or json (one document on stdout)",
        HelpName = "table|json",
        DefaultValueFactory = _ => "table",
    };

    private readonly Option<string> _timeout = new("--timeout")
    {
        Description = "Time budget of the reads, in seconds (or 90s, 2m): whatever is unread when it runs out is reported as not checked",
        HelpName = "SECONDS",
        DefaultValueFactory = _ => "120",
    };

    private readonly Option<bool> _fix = new("--fix")
    {
        Description = "Apply the safe, exact fixes (a missing invoker or run-with-overrides grant, a Scheduler job's token kind or audience) after showing the plan; then report again",
    };

    private readonly Option<bool> _yes = new("--yes")
    {
        Description = "With --fix: apply without asking",
    };

    public DoctorCommand()
    {
        _format.AcceptOnlyFromAmong("table", "json");
        _project.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            if (!DoctorNames.IsProjectId(value))
            {
                result.AddError($"--project '{value}' is not a project id (6-30 lower-case letters, digits and hyphens, starting with a letter).");
            }
        });
        _region.Validators.Add(result =>
        {
            foreach (var region in result.GetValueOrDefault<string[]>() ?? [])
            {
                if (!DoctorNames.IsRegion(region))
                {
                    result.AddError($"--region '{region}' is not a region such as us-east1.");
                }
            }
        });
        _timeout.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            if (ParseTimeout(value) is null)
            {
                result.AddError($"--timeout '{value}' is not a time budget such as 120, 90s or 2m (more than 0, at most 1 hour).");
            }
        });
        Command = new Command("doctor", "Reads the live project and reports what is wired wrong (Scheduler → token → target → IAM) in Pax.Analyzers' rule ids, with what the live project saw.")
        {
            _project, _region, _format, _timeout, _fix, _yes,
        };
        Command.Validators.Add(result =>
        {
            if (result.GetValue(_yes) && !result.GetValue(_fix))
            {
                result.AddError("--yes only goes with --fix.");
            }
        });
    }

    /// <summary>Gets the <c>doctor</c> command.</summary>
    public Command Command { get; }

    /// <summary>Reads the settings from a parse result without errors.</summary>
    public DoctorSettings Resolve(ParseResult parse) => new(
        parse.GetValue(_project)!,
        (parse.GetValue(_region) ?? []).Distinct(StringComparer.Ordinal).ToArray(),
        parse.GetValue(_format) == "json" ? DoctorFormat.Json : DoctorFormat.Table,
        parse.GetValue(_fix),
        parse.GetValue(_yes))
    {
        Timeout = ParseTimeout(parse.GetValue(_timeout)) ?? DoctorSettings.DefaultTimeout,
    };

    /// <summary>Reads a time budget: seconds (<c>120</c>, <c>0.5</c>), or with a unit (<c>90s</c>, <c>2m</c>); more than zero, at most one hour.</summary>
    public static TimeSpan? ParseTimeout(string? value)
    {
        var text = value?.Trim() ?? string.Empty;
        var unit = text.EndsWith('m') ? 60 : 1;
        if (text.EndsWith('m') || text.EndsWith('s'))
        {
            text = text[..^1];
        }

        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number) || number <= 0 || number * unit > 3600)
        {
            return null;
        }

        return TimeSpan.FromMilliseconds((double)(number * unit * 1000));
    }
}
