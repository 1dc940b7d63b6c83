namespace Pax.GoogleCloud.ResourceManager.Internal;

/// <summary><c>GetIamPolicyRequest</c>: <c>{"options":{"requestedPolicyVersion":3}}</c>.</summary>
internal sealed class GetIamPolicyRequest
{
    public GetPolicyOptions? Options { get; set; }
}
