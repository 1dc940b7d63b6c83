namespace Pax.GoogleCloud.Run.Internal;

/// <summary>Body of <c>{resource}:setIamPolicy</c>.</summary>
internal sealed class SetIamPolicyRequest
{
    public IamPolicy? Policy { get; set; }

    /// <summary>The policy fields to replace; Pax sends <c>bindings,etag</c> (the documented default, made explicit).</summary>
    public string? UpdateMask { get; set; }
}
