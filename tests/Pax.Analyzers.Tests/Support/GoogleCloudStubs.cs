namespace Pax.Analyzers.Tests.Support;

/// <summary>
/// Stand-ins for packages the registry does not serve: only their public names (namespaces, types, properties),
/// which is all the analyzer keys on.
/// </summary>
internal static class GoogleCloudStubs
{
    public const string SchedulerV1 = """
        namespace Google.Cloud.Scheduler.V1
        {
            public enum HttpMethod { Unspecified, Post, Get }
            public sealed class OidcToken { public string ServiceAccountEmail { get; set; } = ""; public string Audience { get; set; } = ""; }
            public sealed class OAuthToken { public string ServiceAccountEmail { get; set; } = ""; public string Scope { get; set; } = ""; }
            public sealed class HttpTarget
            {
                public string Uri { get; set; } = "";
                public HttpMethod HttpMethod { get; set; }
                public OidcToken OidcToken { get; set; } = null!;
                public OAuthToken OAuthToken { get; set; } = null!;
            }
            public sealed class Job { public string Name { get; set; } = ""; public string Schedule { get; set; } = ""; public HttpTarget HttpTarget { get; set; } = null!; }
        }
        """;

    public const string ApisScheduler = """
        namespace Google.Apis.CloudScheduler.v1.Data
        {
            public class OidcToken { public virtual string ServiceAccountEmail { get; set; } = ""; public virtual string Audience { get; set; } = ""; }
            public class OAuthToken { public virtual string ServiceAccountEmail { get; set; } = ""; public virtual string Scope { get; set; } = ""; }
            public class HttpTarget
            {
                public virtual string Uri { get; set; } = "";
                public virtual string HttpMethod { get; set; } = "";
                public virtual OidcToken OidcToken { get; set; } = null!;
                public virtual OAuthToken OauthToken { get; set; } = null!;
            }
            public class Job { public virtual string Name { get; set; } = ""; public virtual HttpTarget HttpTarget { get; set; } = null!; }
        }
        """;

    public const string PubSubV1 = """
        namespace Google.Cloud.PubSub.V1
        {
            public sealed class PushConfig
            {
                public string PushEndpoint { get; set; } = "";
                public Types.OidcToken OidcToken { get; set; } = null!;
                public static partial class Types
                {
                    public sealed class OidcToken { public string ServiceAccountEmail { get; set; } = ""; public string Audience { get; set; } = ""; }
                }
            }
            public sealed class Subscription { public string Name { get; set; } = ""; public string Topic { get; set; } = ""; public PushConfig PushConfig { get; set; } = null!; }
        }
        """;

    public const string Iam = """
        namespace Google.Cloud.Iam.V1
        {
            public sealed class Binding { public string Role { get; set; } = ""; public System.Collections.Generic.List<string> Members { get; } = new(); }
            public sealed class Policy
            {
                public System.Collections.Generic.List<Binding> Bindings { get; } = new();
                public bool AddRoleMember(string role, string member) => true;
            }
            public sealed class SetIamPolicyRequest { public string Resource { get; set; } = ""; public Policy Policy { get; set; } = null!; }
        }
        """;

    public const string Pulumi = """
        namespace Pulumi
        {
            public class Output<T> { }
            public static class Output { public static Output<string> Format(System.FormattableString format) => new(); }
            public class Input<T>
            {
                public static implicit operator Input<T>(T value) => new();
                public static implicit operator Input<T>(Output<T> value) => new();
            }
            public class InputList<T> { public static implicit operator InputList<T>(T[] values) => new(); }
            public class ResourceArgs { }
            public class CustomResource { }
        }
        namespace Pulumi.Gcp.CloudScheduler.Inputs
        {
            public sealed class JobHttpTargetOidcTokenArgs : global::Pulumi.ResourceArgs { public global::Pulumi.Input<string> ServiceAccountEmail { get; set; } = null!; public global::Pulumi.Input<string> Audience { get; set; } = null!; }
            public sealed class JobHttpTargetOauthTokenArgs : global::Pulumi.ResourceArgs { public global::Pulumi.Input<string> ServiceAccountEmail { get; set; } = null!; public global::Pulumi.Input<string> Scope { get; set; } = null!; }
            public sealed class JobHttpTargetArgs : global::Pulumi.ResourceArgs
            {
                public global::Pulumi.Input<string> Uri { get; set; } = null!;
                public global::Pulumi.Input<string> HttpMethod { get; set; } = null!;
                public global::Pulumi.Input<JobHttpTargetOidcTokenArgs> OidcToken { get; set; } = null!;
                public global::Pulumi.Input<JobHttpTargetOauthTokenArgs> OauthToken { get; set; } = null!;
            }
        }
        namespace Pulumi.Gcp.CloudScheduler
        {
            public sealed class JobArgs : global::Pulumi.ResourceArgs { public global::Pulumi.Input<string> Schedule { get; set; } = null!; public global::Pulumi.Input<Inputs.JobHttpTargetArgs> HttpTarget { get; set; } = null!; }
            public sealed class Job : global::Pulumi.CustomResource { public Job(string name, JobArgs args) { } }
        }
        namespace Pulumi.Gcp.PubSub.Inputs
        {
            public sealed class SubscriptionPushConfigOidcTokenArgs : global::Pulumi.ResourceArgs { public global::Pulumi.Input<string> ServiceAccountEmail { get; set; } = null!; public global::Pulumi.Input<string> Audience { get; set; } = null!; }
            public sealed class SubscriptionPushConfigArgs : global::Pulumi.ResourceArgs
            {
                public global::Pulumi.Input<string> PushEndpoint { get; set; } = null!;
                public global::Pulumi.Input<SubscriptionPushConfigOidcTokenArgs> OidcToken { get; set; } = null!;
            }
        }
        namespace Pulumi.Gcp.PubSub
        {
            public sealed class SubscriptionArgs : global::Pulumi.ResourceArgs { public global::Pulumi.Input<string> Topic { get; set; } = null!; public global::Pulumi.Input<Inputs.SubscriptionPushConfigArgs> PushConfig { get; set; } = null!; }
            public sealed class Subscription : global::Pulumi.CustomResource { public Subscription(string name, SubscriptionArgs args) { } }
        }
        namespace Pulumi.Gcp.CloudRunV2
        {
            public sealed class ServiceArgs : global::Pulumi.ResourceArgs { public global::Pulumi.Input<string> Name { get; set; } = null!; public global::Pulumi.Input<string> Location { get; set; } = null!; public global::Pulumi.Input<bool> InvokerIamDisabled { get; set; } = null!; }
            public sealed class Service : global::Pulumi.CustomResource { public Service(string name, ServiceArgs args) { } public global::Pulumi.Output<string> Uri { get; } = new(); public global::Pulumi.Output<string> Name { get; } = new(); public global::Pulumi.Output<string> Location { get; } = new(); }
            public sealed class ServiceIamMemberArgs : global::Pulumi.ResourceArgs { public global::Pulumi.Input<string> Name { get; set; } = null!; public global::Pulumi.Input<string> Location { get; set; } = null!; public global::Pulumi.Input<string> Role { get; set; } = null!; public global::Pulumi.Input<string> Member { get; set; } = null!; }
            public sealed class ServiceIamMember : global::Pulumi.CustomResource { public ServiceIamMember(string name, ServiceIamMemberArgs args) { } }
            public sealed class ServiceIamBindingArgs : global::Pulumi.ResourceArgs { public global::Pulumi.Input<string> Name { get; set; } = null!; public global::Pulumi.Input<string> Location { get; set; } = null!; public global::Pulumi.Input<string> Role { get; set; } = null!; public global::Pulumi.InputList<string> Members { get; set; } = null!; }
            public sealed class ServiceIamBinding : global::Pulumi.CustomResource { public ServiceIamBinding(string name, ServiceIamBindingArgs args) { } }
        }
        namespace Pulumi.Gcp.CloudFunctions.Inputs
        {
            public sealed class FunctionEventTriggerArgs : global::Pulumi.ResourceArgs { public global::Pulumi.Input<string> EventType { get; set; } = null!; public global::Pulumi.Input<string> Resource { get; set; } = null!; }
        }
        namespace Pulumi.Gcp.CloudFunctions
        {
            public sealed class FunctionArgs : global::Pulumi.ResourceArgs { public global::Pulumi.Input<string> Name { get; set; } = null!; public global::Pulumi.Input<string> Region { get; set; } = null!; public global::Pulumi.Input<bool> TriggerHttp { get; set; } = null!; public global::Pulumi.Input<Inputs.FunctionEventTriggerArgs> EventTrigger { get; set; } = null!; }
            public sealed class Function : global::Pulumi.CustomResource { public Function(string name, FunctionArgs args) { } public global::Pulumi.Output<string> HttpsTriggerUrl { get; } = new(); public global::Pulumi.Output<string> Name { get; } = new(); }
            public sealed class FunctionIamMemberArgs : global::Pulumi.ResourceArgs { public global::Pulumi.Input<string> CloudFunction { get; set; } = null!; public global::Pulumi.Input<string> Role { get; set; } = null!; public global::Pulumi.Input<string> Member { get; set; } = null!; }
            public sealed class FunctionIamMember : global::Pulumi.CustomResource { public FunctionIamMember(string name, FunctionIamMemberArgs args) { } }
        }
        namespace Pulumi.Gcp.CloudFunctionsV2
        {
            public sealed class FunctionArgs : global::Pulumi.ResourceArgs { public global::Pulumi.Input<string> Name { get; set; } = null!; public global::Pulumi.Input<string> Location { get; set; } = null!; }
            public sealed class Function : global::Pulumi.CustomResource { public Function(string name, FunctionArgs args) { } public global::Pulumi.Output<string> Url { get; } = new(); }
        }
        """;
}
