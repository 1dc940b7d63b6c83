namespace Pax.GoogleCloud.Functions.Internal;

/// <summary><c>ListFunctionsResponse</c>: <c>{"functions":[…],"nextPageToken":"…","unreachable":[…]}</c> (cloud.google.com/functions/docs/reference/rest/v2/projects.locations.functions/list).</summary>
internal sealed class CloudFunctionList
{
    public List<CloudFunctionResource>? Functions { get; set; }

    public string? NextPageToken { get; set; }

    public List<string>? Unreachable { get; set; }
}
