namespace Pax.Analyzers.Deployment;

/// <summary>The generation of a Cloud Function as the deployment code shows it.</summary>
internal enum FunctionGeneration
{
    /// <summary>Not shown: <c>gcloud functions deploy</c> without <c>--gen2</c>/<c>--no-gen2</c> (gen 1 before gcloud 492, and on redeploys of a gen 1 function).</summary>
    Unknown,

    /// <summary>1st gen: not behind Cloud Run; HTTP calls need <c>cloudfunctions.functions.invoke</c>.</summary>
    First,

    /// <summary>2nd gen (Cloud Run functions): a Cloud Run service underneath.</summary>
    Second,
}
