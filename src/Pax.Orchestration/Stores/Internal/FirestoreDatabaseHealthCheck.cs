using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Pax.GoogleCloud.Firestore;
using Pax.Orchestration.Completion;
using Pax.Orchestration.Completion.Stores;
using Pax.Orchestration.Scheduling;
using Pax.Orchestration.Scheduling.Stores;

namespace Pax.Orchestration.Stores.Internal;

/// <summary>
/// Readiness check <c>firestore</c> (tag <c>ready</c>), registered by <c>AddPaxOrchestration</c> and
/// <c>AddPaxScheduling</c>: when the tally or job store in use is Firestore, checks once that its project's
/// <c>(default)</c> database exists (<see cref="FirestoreClient.EnsureDatabaseExistsAsync"/>). A success is kept (the
/// database is not checked again); a failure is checked again on the next call, so creating the database heals the
/// deployment. Unhealthy with the configuration error (database and project named) when it is missing.
/// </summary>
internal sealed class FirestoreDatabaseHealthCheck : IHealthCheck
{
    public const string Name = "firestore";
    public const string ReadyTag = "ready";

    private readonly IServiceProvider _services;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _verified = new(StringComparer.Ordinal);

    public FirestoreDatabaseHealthCheck(IServiceProvider services)
    {
        _services = services;
    }

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var projects = ProjectsInUse();
        if (projects.Count == 0)
        {
            return HealthCheckResult.Healthy("No Firestore store in use.");
        }

        var client = _services.GetRequiredService<FirestoreClient>();
        foreach (var project in projects.Where(p => !_verified.ContainsKey(p)))
        {
            try
            {
                await client.EnsureDatabaseExistsAsync(project, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                var description = ex is FirestoreDatabaseNotFoundException
                    ? ex.Message
                    : $"Firestore database '(default)' of project '{project}' could not be checked: {ex.Message}";
                return new HealthCheckResult(context.Registration.FailureStatus, description, ex);
            }

            _verified.TryAdd(project, true);
        }

        return HealthCheckResult.Healthy($"Firestore database '(default)' exists in project(s) {string.Join(", ", projects.Select(p => $"'{p}'"))}.");
    }

    private List<string> ProjectsInUse()
    {
        var projects = new List<string>();
        if (_services.GetService<ICompletionStore>() is FirestoreCompletionStore tallies)
        {
            projects.Add(tallies.ProjectId);
        }

        if (_services.GetService<IScheduledJobStore>() is FirestoreScheduledJobStore jobs && !projects.Contains(jobs.ProjectId, StringComparer.Ordinal))
        {
            projects.Add(jobs.ProjectId);
        }

        return projects;
    }
}
