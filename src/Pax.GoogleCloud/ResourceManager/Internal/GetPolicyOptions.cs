namespace Pax.GoogleCloud.ResourceManager.Internal;

/// <summary><c>GetPolicyOptions</c>: valid versions are 0, 1 and 3; conditional bindings need 3.</summary>
internal sealed class GetPolicyOptions
{
    public int? RequestedPolicyVersion { get; set; }
}
