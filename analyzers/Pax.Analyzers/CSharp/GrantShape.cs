namespace Pax.Analyzers.CSharp;

/// <summary>A client-library type that grants an IAM role to members (Pulumi IAM members/bindings, IAM policy bindings).</summary>
internal sealed class GrantShape
{
    /// <summary>Every grant type the analyzer knows.</summary>
    public static readonly GrantShape[] Known =
    [
        new("Pulumi.Gcp.CloudRunV2.ServiceIamMemberArgs"),
        new("Pulumi.Gcp.CloudRunV2.ServiceIamBindingArgs"),
        new("Pulumi.Gcp.CloudRun.IamMemberArgs"),
        new("Pulumi.Gcp.CloudRun.IamBindingArgs"),
        new("Pulumi.Gcp.CloudFunctions.FunctionIamMemberArgs"),
        new("Pulumi.Gcp.CloudFunctions.FunctionIamBindingArgs"),
        new("Pulumi.Gcp.CloudFunctionsV2.FunctionIamMemberArgs"),
        new("Pulumi.Gcp.CloudFunctionsV2.FunctionIamBindingArgs"),
        new("Pulumi.Gcp.Projects.IAMMemberArgs"),
        new("Pulumi.Gcp.Projects.IAMBindingArgs"),
        new("Google.Cloud.Iam.V1.Binding"),
        new("Google.Apis.CloudRun.v2.Data.GoogleIamV1Binding"),
    ];

    private GrantShape(string metadataName) => MetadataName = metadataName;

    /// <summary>The type's metadata name.</summary>
    public string MetadataName { get; }

    /// <summary>The property holding the role.</summary>
    public const string RoleProperty = "Role";

    /// <summary>The property holding one member (IAM member types).</summary>
    public const string MemberProperty = "Member";

    /// <summary>
    /// The properties naming the service or function a Pulumi grant is on (<c>CloudRunV2.ServiceIamMemberArgs.Name</c>,
    /// <c>CloudRun.IamMemberArgs.Service</c>, <c>CloudFunctions(V2).FunctionIamMemberArgs.CloudFunction</c>); project
    /// grants and IAM policy bindings have none: they count for every target.
    /// </summary>
    public static readonly string[] TargetProperties = ["Name", "Service", "CloudFunction"];

    /// <summary>The property holding the members (binding types).</summary>
    public const string MembersProperty = "Members";
}
