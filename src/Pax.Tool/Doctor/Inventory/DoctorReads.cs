using System.Diagnostics;
using System.Globalization;
using System.Net;
using Pax.GoogleCloud;
using Pax.GoogleCloud.Internal;
using Pax.Tool.Doctor.Findings;
using Pax.Tool.Doctor.Output;

namespace Pax.Tool.Doctor.Inventory;

/// <summary>
/// Runs the reads of one check within the <c>--timeout</c> budget. A read that fails (403, API disabled, 404 location,
/// transport error, a list cut at its limit, a name Pax cannot use) or that the budget cut short is recorded in
/// <see cref="ProjectInventory.Incomplete"/> with what it needs, and the other reads still run; once the budget is
/// spent the remaining reads are not started and are listed, per API and location, as not read.
/// </summary>
internal sealed class DoctorReads : IDisposable
{
    private readonly CancellationTokenSource _budget;
    private readonly CancellationTokenSource _linked;
    private readonly CancellationToken _cancellation;
    private readonly TimeSpan _timeout;
    private readonly DoctorProgress _progress;
    private readonly Dictionary<(string Api, string Location), List<string>> _skipped = [];

    public DoctorReads(ProjectInventory inventory, TimeSpan timeout, TimeProvider time, DoctorProgress progress, CancellationToken cancellationToken)
    {
        Inventory = inventory;
        _timeout = timeout;
        _progress = progress;
        _cancellation = cancellationToken;
        _budget = new CancellationTokenSource(timeout, time);
        _linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _budget.Token);
    }

    public ProjectInventory Inventory { get; }

    /// <summary>Gets whether the time budget is spent.</summary>
    public bool OutOfTime => _budget.IsCancellationRequested;

    /// <summary>Gets what a read the spent budget stopped says: <c>the --timeout of 120 s ran out first</c>.</summary>
    public string OutOfTimeReason => $"the --timeout of {Seconds(_timeout)} ran out first";

    /// <summary>Runs <paramref name="read"/> unless the budget is spent; returns whether it completed.</summary>
    /// <param name="api">The API, such as <c>run.googleapis.com</c>.</param>
    /// <param name="location">The region, or <c>global</c>.</param>
    /// <param name="permission">What the read needs, such as <c>run.services.list</c> (also shown as progress).</param>
    /// <param name="role">The narrowest role that grants it.</param>
    /// <param name="read">The read; it gets the token that the budget and Ctrl+C cancel.</param>
    public async Task<bool> TryAsync(string api, string location, string permission, string role, Func<CancellationToken, Task> read)
    {
        _cancellation.ThrowIfCancellationRequested();
        if (OutOfTime)
        {
            Skip(api, location, permission);
            return false;
        }

        _progress.Report($"{permission} ({location})");
        using var span = DoctorTracing.StartRead(api, location, permission);
        var incomplete = Inventory.Incomplete.Count;
        try
        {
            await read(_linked.Token).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (!_cancellation.IsCancellationRequested)
        {
            Inventory.Incomplete.Add(new IncompleteCheck(api, location, OutOfTime
                ? $"{api} did not answer within the --timeout of {Seconds(_timeout)}: {permission} was not read ({role})."
                : $"{api} did not answer in time: {permission} was not read ({role})."));
        }
        catch (GoogleApiException ex)
        {
            Inventory.Incomplete.Add(new IncompleteCheck(api, location, Explain(ex, api, location, permission, role)));
        }
        catch (HttpRequestException ex)
        {
            Inventory.Incomplete.Add(new IncompleteCheck(api, location, $"{api} could not be reached ({ex.Message}); needs {permission}."));
        }
        catch (TimeoutException ex)
        {
            Inventory.Incomplete.Add(new IncompleteCheck(api, location, $"{ex.Message} Needs {permission}."));
        }
        catch (ArgumentException ex)
        {
            // A name the API returned that Pax's clients refuse to send: that read is skipped, the rest goes on.
            Inventory.Incomplete.Add(new IncompleteCheck(api, location, $"{permission} was not read: {ex.Message}"));
        }

        if (Inventory.Incomplete.Count > incomplete)
        {
            span?.SetStatus(ActivityStatusCode.Error, Inventory.Incomplete[^1].Reason);
        }

        return false;
    }

    /// <summary>Lists the reads the spent budget left unstarted, one entry per API and location.</summary>
    public void Complete()
    {
        foreach (var ((api, location), permissions) in _skipped)
        {
            var shown = string.Join(", ", permissions.Take(3)) + (permissions.Count > 3 ? $" and {permissions.Count - 3} more" : string.Empty);
            Inventory.Incomplete.Add(new IncompleteCheck(api, location,
                $"The --timeout of {Seconds(_timeout)} ran out before {permissions.Count} read(s) could start: {shown}. Run again with a longer --timeout."));
        }

        _skipped.Clear();
        _progress.Clear();
    }

    public void Dispose()
    {
        _linked.Dispose();
        _budget.Dispose();
    }

    public static string Seconds(TimeSpan value) => string.Create(CultureInfo.InvariantCulture, $"{value.TotalSeconds:0.###} s");

    private void Skip(string api, string location, string permission)
    {
        if (!_skipped.TryGetValue((api, location), out var list))
        {
            _skipped[(api, location)] = list = [];
        }

        list.Add(permission);
    }

    // Google's answers: 403 PERMISSION_DENIED, with reason SERVICE_DISABLED when the API is not enabled
    // (cloud.google.com/apis/design/errors#error_info; the ErrorInfo reason of a disabled API); 404 NOT_FOUND for an
    // unknown location or resource. A list cut at its limit is Pax's own answer (GoogleListLimits).
    private static string Explain(GoogleApiException ex, string api, string location, string permission, string role)
    {
        if (ex.Reason == GoogleListLimits.Reason)
        {
            return $"{ex.Message} What was listed beyond that was not checked.";
        }

        var code = $"HTTP {(int)ex.HttpStatus}{(ex.Status is null ? string.Empty : " " + ex.Status)}";
        if (ex.Reason == "SERVICE_DISABLED" || ex.Message.Contains("has not been used in project", StringComparison.Ordinal)
            || ex.Message.Contains("is disabled", StringComparison.Ordinal))
        {
            return $"{code}: {api} is disabled in the project; enable it (gcloud services enable {api}).";
        }

        return ex.HttpStatus switch
        {
            HttpStatusCode.Forbidden => $"{code}: needs {permission} ({role}) for the identity pax runs as.",
            HttpStatusCode.NotFound => $"{code}: '{location}' is not a location of {api}, or the resource is gone ({permission}).",
            HttpStatusCode.Unauthorized => $"{code}: the credentials were refused; run 'gcloud auth application-default login' (needs {permission}).",
            _ => $"{code}: {permission} failed: {ex.Message}",
        };
    }
}
