using Pax.GoogleCloud.Iam;
using Pax.GoogleCloud.Internal;
using Pax.GoogleCloud.Internal.Errors;
using Pax.GoogleCloud.Internal.Json;
using Pax.GoogleCloud.Run.Internal;

namespace Pax.GoogleCloud.ResourceManager.Internal;

/// <summary>
/// <c>POST v3/{projects|folders|organizations}/ID:getIamPolicy</c> with <c>{"options":{"requestedPolicyVersion":3}}</c>,
/// so conditional bindings come back intact (cloud.google.com/resource-manager/reference/rest/v3/projects/getIamPolicy,
/// …/folders/getIamPolicy, …/organizations/getIamPolicy).
/// </summary>
internal static class ResourceManagerPolicies
{
    public static async Task<IReadOnlyList<IamRoleBinding>> ReadAsync(GoogleRestTransport transport, string resource, GoogleOperation operation, CancellationToken cancellationToken)
    {
        var policy = await transport.SendJsonAsync(
            HttpMethod.Post,
            $"v3/{resource}:getIamPolicy",
            new GetIamPolicyRequest { Options = new GetPolicyOptions { RequestedPolicyVersion = 3 } },
            GoogleCloudJsonContext.Default.GetIamPolicyRequest,
            GoogleCloudJsonContext.Default.IamPolicy,
            operation,
            retryable: true, // a read, though sent as POST.
            cancellationToken).ConfigureAwait(false);
        return IamPolicyBindings.From(policy);
    }
}
