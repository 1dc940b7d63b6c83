using Pax.Analyzers.Tests.Support;
using Verify = Pax.Analyzers.Tests.Support.AnalyzerCase<Pax.Analyzers.CSharp.CSharpDeploymentAnalyzer>;

namespace Pax.Analyzers.Tests.CSharp;

/// <summary>
/// PAX002 and PAX004 in C# when a Pulumi grant or push names its service through an output of that service
/// (<c>Name = service.Name</c>, <c>PushEndpoint = service.Uri</c>): the grant counts only for the service the output is
/// read from (issue 13, point 3); a grant whose service cannot be found is "can't tell", not "grants everything".
/// </summary>
public sealed class CSharpOutputTargetTests
{
    private const string Push = "push@p.iam.gserviceaccount.com";

    /// <summary>A stack deploying services a and b (named or left to Pulumi's auto-naming).</summary>
    private static string Stack(bool named, string grants, string pushes, string members = "") => $$"""
        using Pulumi;
        using Pulumi.Gcp.CloudRunV2;
        using Pulumi.Gcp.PubSub;
        using Pulumi.Gcp.PubSub.Inputs;
        class Stack
        {
            const string Account = "{{Push}}";
            {{members}}
            void Define()
            {
                var a = new Service("a", new ServiceArgs { {{(named ? "Name = \"a\", " : "")}}Location = "us-central1" });
                var b = new Service("b", new ServiceArgs { {{(named ? "Name = \"b\", " : "")}}Location = "us-central1" });
                {{grants}}
                {{pushes}}
            }
        }
        """;

    private static string PushTo(string name, string endpoint, bool marked, bool token = true) =>
        $$"""new Subscription("{{name}}", new SubscriptionArgs { Topic = "t", PushConfig = new SubscriptionPushConfigArgs { {{(marked ? "{|" + (token ? "PAX002" : "PAX004") + ":" : "")}}PushEndpoint = {{endpoint}}{{(marked ? "|}" : "")}}{{(token ? ", OidcToken = new SubscriptionPushConfigOidcTokenArgs { ServiceAccountEmail = Account }" : "")}} } });""";

    [Theory]
    [InlineData(true, "b.Uri")]
    [InlineData(false, "b.Uri")]
    [InlineData(true, "Output.Format($\"{b.Uri}/push\")")]
    [InlineData(false, "Output.Format($\"{b.Uri}/push\")")]
    public Task Member_grant_on_an_output_of_service_a_does_not_count_for_service_b(bool named, string endpointOfB) =>
        Verify.RunAsync(Verify.ForCode(GoogleCloudStubs.Pulumi, Stack(
            named,
            """new ServiceIamMember("a-invoker", new ServiceIamMemberArgs { Name = a.Name, Location = a.Location, Role = "roles/run.invoker", Member = $"serviceAccount:{Account}" });""",
            PushTo("to-a", "a.Uri", marked: false) + "\n" + PushTo("to-b", endpointOfB, marked: true))));

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public Task Binding_grant_on_an_output_of_service_a_does_not_count_for_service_b(bool named) =>
        Verify.RunAsync(Verify.ForCode(GoogleCloudStubs.Pulumi, Stack(
            named,
            """new ServiceIamBinding("a-invokers", new ServiceIamBindingArgs { Name = a.Name, Location = a.Location, Role = "roles/run.invoker", Members = new[] { $"serviceAccount:{Account}" } });""",
            PushTo("to-a", "a.Uri", marked: false) + "\n" + PushTo("to-b", "b.Uri", marked: true))));

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public Task Grant_on_an_output_of_the_pushed_service_is_silent(bool named) =>
        Verify.RunAsync(Verify.ForCode(GoogleCloudStubs.Pulumi, Stack(
            named,
            """
            new ServiceIamMember("b-invoker", new ServiceIamMemberArgs { Name = b.Name, Location = b.Location, Role = "roles/run.invoker", Member = $"serviceAccount:{Account}" });
            new ServiceIamBinding("a-invokers", new ServiceIamBindingArgs { Name = a.Name, Location = a.Location, Role = "roles/run.invoker", Members = new[] { $"serviceAccount:{Account}" } });
            """,
            PushTo("to-a", "a.Uri", marked: false) + "\n" + PushTo("to-b", "Output.Format($\"{b.Uri}/push\")", marked: false))));

    [Theory]
    [InlineData("""new ServiceIamMember("a-public", new ServiceIamMemberArgs { Name = a.Name, Location = a.Location, Role = "roles/run.invoker", Member = "allUsers" });""")]
    [InlineData("""new ServiceIamBinding("a-public", new ServiceIamBindingArgs { Name = a.Name, Location = a.Location, Role = "roles/run.invoker", Members = new[] { "allUsers" } });""")]
    public Task Public_service_a_does_not_make_service_b_public(string publicGrant) =>
        Verify.RunAsync(Verify.ForCode(GoogleCloudStubs.Pulumi, Stack(
            named: true,
            publicGrant,
            PushTo("to-a", "a.Uri", marked: false, token: false) + "\n" + PushTo("to-b", "b.Uri", marked: true)
                + "\n" + PushTo("to-b-anonymous", "b.Uri", marked: true, token: false))));

    [Fact]
    public Task Invoker_iam_disabled_on_service_a_does_not_make_service_b_public() => Verify.RunAsync(Verify.ForCode(GoogleCloudStubs.Pulumi, """
        using Pulumi.Gcp.CloudRunV2;
        using Pulumi.Gcp.PubSub.Inputs;
        class Stack
        {
            void Define()
            {
                var a = new Service("a", new ServiceArgs { Location = "us-central1", InvokerIamDisabled = true });
                var b = new Service("b", new ServiceArgs { Location = "us-central1" });
                var toA = new SubscriptionPushConfigArgs { PushEndpoint = a.Uri };
                var toB = new SubscriptionPushConfigArgs { {|PAX004:PushEndpoint = b.Uri|} };
            }
        }
        """));

    [Fact]
    public Task Grant_on_an_output_of_a_service_the_unit_cannot_find_is_cant_tell() => Verify.RunAsync(Verify.ForCode(GoogleCloudStubs.Pulumi, Stack(
        named: true,
        "Grant(b);",
        PushTo("to-b", "b.Uri", marked: false),
        members: """void Grant(Service service) => new ServiceIamMember("invoker", new ServiceIamMemberArgs { Name = service.Name, Location = service.Location, Role = "roles/run.invoker", Member = $"serviceAccount:{Account}" });""")));

    [Theory]
    [InlineData("b", "PAX002")] // "b" is another service of the stack: the grant on the unnamed one is not about it
    [InlineData("c", "")] // "c" is not deployed here: the unnamed service may be it (can't tell)
    public Task Grant_on_an_unnamed_service_is_cant_tell_only_for_names_the_stack_does_not_give_another_service(string pushedService, string expected)
    {
        var endpoint = $"\"https://{pushedService}-123456789.us-central1.run.app/push\"";
        return Verify.RunAsync(Verify.ForCode(GoogleCloudStubs.Pulumi, $$"""
            using Pulumi.Gcp.CloudRunV2;
            using Pulumi.Gcp.PubSub.Inputs;
            class Stack
            {
                void Define()
                {
                    var unnamed = new Service("x", new ServiceArgs { Location = "us-central1" });
                    var b = new Service("b", new ServiceArgs { Name = "b", Location = "us-central1" });
                    new ServiceIamMember("x-invoker", new ServiceIamMemberArgs { Name = unnamed.Name, Role = "roles/run.invoker", Member = "serviceAccount:{{Push}}" });
                    var push = new SubscriptionPushConfigArgs
                    {
                        {{(expected.Length == 0 ? "" : "{|PAX002:")}}PushEndpoint = {{endpoint}}{{(expected.Length == 0 ? "" : "|}")}},
                        OidcToken = new SubscriptionPushConfigOidcTokenArgs { ServiceAccountEmail = "{{Push}}" },
                    };
                }
            }
            """));
    }

    [Fact]
    public Task Grant_held_in_a_field_counts_for_the_service_of_that_field() => Verify.RunAsync(Verify.ForCode(GoogleCloudStubs.Pulumi, $$"""
        using Pulumi.Gcp.CloudRunV2;
        using Pulumi.Gcp.PubSub.Inputs;
        class Stack
        {
            private readonly Service _a = new Service("a", new ServiceArgs { Location = "us-central1" });
            private readonly Service _b = new Service("b", new ServiceArgs { Location = "us-central1" });
            ServiceIamMemberArgs Grant() => new() { Name = _a.Name, Role = "roles/run.invoker", Member = "serviceAccount:{{Push}}" };
            SubscriptionPushConfigArgs ToA() => new() { PushEndpoint = _a.Uri, OidcToken = new SubscriptionPushConfigOidcTokenArgs { ServiceAccountEmail = "{{Push}}" } };
            SubscriptionPushConfigArgs ToB() => new() { {|PAX002:PushEndpoint = _b.Uri|}, OidcToken = new SubscriptionPushConfigOidcTokenArgs { ServiceAccountEmail = "{{Push}}" } };
        }
        """));
}
