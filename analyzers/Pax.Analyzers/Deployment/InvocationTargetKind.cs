namespace Pax.Analyzers.Deployment;

/// <summary>The kinds of <see cref="InvocationTarget"/>.</summary>
internal enum InvocationTargetKind
{
    /// <summary>A Cloud Run service or 2nd gen function: <c>run.routes.invoke</c>.</summary>
    Service,

    /// <summary>A Cloud Run job: <c>run.jobs.run</c> (and <c>run.jobs.runWithOverrides</c> with overrides).</summary>
    Job,

    /// <summary>A <c>*.cloudfunctions.net</c> URL: 1st gen needs <c>cloudfunctions.functions.invoke</c>, 2nd gen <c>run.routes.invoke</c>.</summary>
    FunctionUrl,
}
