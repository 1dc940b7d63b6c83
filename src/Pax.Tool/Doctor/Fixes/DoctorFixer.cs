using Pax.GoogleCloud.Deployment;
using Pax.GoogleCloud.Run;
using Pax.GoogleCloud.Scheduler;
using Pax.Tool.Doctor.Findings;

namespace Pax.Tool.Doctor.Fixes;

/// <summary>
/// <c>--fix</c>: prints the plan, asks (unless <c>--yes</c>), then applies only safe, exact changes — the missing role
/// binding for that member on that target (<see cref="CloudRunIamClient.EnsureRoleAsync"/>, etag-safe:
/// <c>roles/run.invoker</c>, or <c>roles/run.jobsExecutorWithOverrides</c> for a run with overrides), and a Scheduler
/// job's token (<see cref="CloudSchedulerClient.SetTokenAsync"/>, PATCH with an update mask). It never grants
/// <c>allUsers</c>, never widens a role, never deletes. An action it cannot take — refused by Google, by a name Pax's
/// clients will not send, by the network — is reported with its reason and the others still run; only Ctrl+C stops it.
/// </summary>
internal sealed class DoctorFixer(CloudRunIamClient iam, CloudSchedulerClient scheduler)
{
    /// <summary>Applies the plan; returns how many changes could not be made.</summary>
    public async Task<int> RunAsync(IReadOnlyList<Finding> findings, TextWriter output, TextReader input, bool yes, CancellationToken cancellationToken)
    {
        var plan = findings.Select(f => f.Action).OfType<FixAction>().Distinct().ToArray();
        var manual = findings.Count(f => f.Action is null);
        await output.WriteLineAsync($"fix plan: {plan.Length} change(s); {manual} finding(s) need a decision and are left to you (see their fix).").ConfigureAwait(false);
        foreach (var action in plan)
        {
            await output.WriteLineAsync($"  - {action.Describe()}").ConfigureAwait(false);
        }

        if (plan.Length == 0)
        {
            return 0;
        }

        if (!yes)
        {
            await output.WriteAsync($"Apply {plan.Length} change(s)? [y/N] ").ConfigureAwait(false);
            await output.FlushAsync(cancellationToken).ConfigureAwait(false);
            var answer = await input.ReadLineAsync(cancellationToken).ConfigureAwait(false);
            if (answer?.Trim() is not ("y" or "Y" or "yes"))
            {
                await output.WriteLineAsync("nothing changed.").ConfigureAwait(false);
                return 0;
            }
        }

        var failed = 0;
        foreach (var action in plan)
        {
            try
            {
                await ApplyAsync(action, cancellationToken).ConfigureAwait(false);
                await output.WriteLineAsync($"  done: {action.Describe()}").ConfigureAwait(false);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                // Whatever stopped this change (a refusal, an argument Pax's client will not send, a network failure, a
                // timeout) stops this change only; the done/FAILED lines say exactly what was applied.
                failed++;
                await output.WriteLineAsync($"  FAILED: {action.Describe()}: {ex.Message}").ConfigureAwait(false);
            }
        }

        return failed;
    }

    private Task ApplyAsync(FixAction action, CancellationToken cancellationToken) => action.Kind switch
    {
        FixKind.GrantRole => iam.EnsureRoleAsync(action.Resource, action.Member, action.Value, cancellationToken),
        FixKind.UseOAuth => scheduler.SetTokenAsync(action.Resource, SchedulerTokenKind.OAuth, action.Member, action.Value, cancellationToken),
        _ => scheduler.SetTokenAsync(action.Resource, SchedulerTokenKind.Oidc, action.Member, action.Value, cancellationToken),
    };
}
