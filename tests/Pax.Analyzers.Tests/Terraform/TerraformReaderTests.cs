using Pax.Analyzers.Deployment;
using Pax.Analyzers.Terraform;

namespace Pax.Analyzers.Tests.Terraform;

public sealed class TerraformReaderTests
{
    private const string Module = """
        # Scheduler
        variable "region" {
          default = "us-central1" // trailing comment
        }

        /* a block comment with a } brace */
        resource "google_cloud_scheduler_job" "tick" {
          name     = "tick"
          schedule = "*/30 * * * *"
          http_target {
            uri         = "https://${var.region}-run.googleapis.com/apis/run.googleapis.com/v1/namespaces/p/jobs/j:run"
            http_method = "POST"
            body        = base64encode(jsonencode({
              overrides = { taskCount = 4 }
            }))
            oauth_token { service_account_email = google_service_account.scheduler.email }
          }
          description = <<-EOT
            resource "fake" "inside_heredoc" {
            }
          EOT
        }

        resource google_cloud_run_v2_service_iam_binding invokers {
          role    = "roles/run.invoker"
          members = [
            "serviceAccount:a@p.iam.gserviceaccount.com", # first
            "allUsers",
          ]
        }
        """;

    [Fact]
    public void Blocks_labels_and_nested_blocks_are_read()
    {
        var file = TerraformReader.Read(Module);

        Assert.Null(file.Failure);
        Assert.Equal(["variable", "resource", "resource"], file.Blocks.Select(b => b.Type));
        var job = file.Blocks[1];
        Assert.Equal(["google_cloud_scheduler_job", "tick"], job.Labels);
        var target = Assert.Single(job.Blocks);
        Assert.Equal("http_target", target.Type);
        Assert.Equal(["uri", "http_method", "body"], target.Attributes.Select(a => a.Name));
        Assert.Equal("oauth_token", Assert.Single(target.Blocks).Type);
        Assert.Equal("google_service_account.scheduler.email", target.Blocks[0].Attribute("service_account_email")?.Value.Text);
        Assert.Equal(["name", "schedule", "description"], job.Attributes.Select(a => a.Name));
        Assert.Equal(["google_cloud_run_v2_service_iam_binding", "invokers"], file.Blocks[2].Labels);
    }

    [Fact]
    public void Expressions_evaluate_templates_with_resolved_references()
    {
        var file = TerraformReader.Read(Module);
        var uri = file.Blocks[1].Blocks[0].Attribute("uri")!.Value;

        var value = uri.Evaluate((reference, _) => reference == "var.region" ? "europe-west1" : null);

        Assert.Equal("https://europe-west1-run.googleapis.com/apis/run.googleapis.com/v1/namespaces/p/jobs/j:run", value);
        Assert.Equal("https://" + UnknownText.Marker + "-run.googleapis.com/apis/run.googleapis.com/v1/namespaces/p/jobs/j:run", uri.Evaluate((_, _) => null));
    }

    [Fact]
    public void List_elements_are_split_at_top_level_commas()
    {
        var members = TerraformReader.Read(Module).Blocks[2].Attribute("members")!.Value;

        Assert.Equal(["serviceAccount:a@p.iam.gserviceaccount.com", "allUsers"], members.Elements().Select(e => e.Evaluate((_, _) => null)));
    }

    [Fact]
    public void Spans_point_at_the_block_header_and_attribute()
    {
        var file = TerraformReader.Read(Module);
        var token = file.Blocks[1].Blocks[0].Blocks[0];
        var uri = file.Blocks[1].Blocks[0].Attribute("uri")!;

        Assert.Equal("oauth_token", Module.Substring(token.Span.Start, token.Span.Length));
        Assert.StartsWith("uri         = \"https://", Module.Substring(uri.Span.Start, uri.Span.Length), StringComparison.Ordinal);
        Assert.EndsWith("j:run\"", Module.Substring(uri.Span.Start, uri.Span.Length), StringComparison.Ordinal);
    }

    [Fact]
    public void Dynamic_blocks_project_their_content()
    {
        var file = TerraformReader.Read("""
            resource "google_cloud_scheduler_job" "j" {
              http_target {
                dynamic "oidc_token" {
                  for_each = [1]
                  content { service_account_email = "a@p.iam.gserviceaccount.com" }
                }
              }
            }
            """);

        var token = file.Blocks[0].Blocks[0].BlockOf("oidc_token");

        Assert.NotNull(token);
        Assert.Equal("\"a@p.iam.gserviceaccount.com\"", token.Attribute("service_account_email")?.Value.Text);
    }

    [Theory]
    [InlineData("resource \"x\" \"y\" {")]
    [InlineData("resource \"x\" \"y\" { a = \"unterminated }")]
    [InlineData("}}}} = = {")]
    [InlineData("a = <<EOT\nnever ends")]
    [InlineData("/* never ends")]
    [InlineData("")]
    public void Malformed_files_never_throw(string text)
    {
        var file = TerraformReader.Read(text);

        Assert.Null(file.Failure);
    }

    [Theory]
    [InlineData("resource \"google_cloud_run_v2_service\" \"s\" {\n", "template {\n")]
    [InlineData("locals {\n  x = \"", "${\"")]
    public void A_file_nested_thirty_thousand_deep_is_read_without_overflowing_the_stack(string prefix, string level)
    {
        var file = Pax.Analyzers.Tests.Support.SmallStack.Run(() => TerraformReader.Read(prefix + string.Concat(Enumerable.Repeat(level, 30_000))));

        Assert.Null(file.Failure);
        Assert.NotEmpty(file.Blocks);
    }
}
