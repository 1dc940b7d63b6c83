using Pax.Analyzers.Scripts;

namespace Pax.Analyzers.Tests.Scripts;

public sealed class GcloudCommandTests
{
    private static GcloudCommand? Parse(string text) => GcloudCommand.From(ShellScriptReader.Read(text).Commands[0]);

    [Fact]
    public void Flags_with_equals_or_space_and_positionals_in_any_order()
    {
        var command = Parse("gcloud --project p scheduler jobs create http --location us-central1 tick --uri=https://x --http-method POST");

        Assert.NotNull(command);
        Assert.True(command.Is("scheduler", "jobs", "create", "http"));
        Assert.Equal("tick", command.Argument(4));
        Assert.Equal("https://x", command.Flag("uri")?.Value);
        Assert.Equal("POST", command.Flag("http-method")?.Value);
        Assert.Equal("us-central1", command.Flag("location")?.Value);
        Assert.Equal("p", command.Flag("project")?.Value);
    }

    [Fact]
    public void Boolean_flags_do_not_take_the_next_word()
    {
        var command = Parse("gcloud run deploy --allow-unauthenticated svc --no-traffic --quiet");

        Assert.NotNull(command);
        Assert.Equal("svc", command.Argument(2));
        Assert.True(command.Has("allow-unauthenticated"));
        Assert.Null(command.Flag("allow-unauthenticated")?.Value);
        Assert.True(command.Has("no-traffic"));
    }

    [Fact]
    public void Release_track_is_dropped()
    {
        Assert.True(Parse("gcloud beta run services add-iam-policy-binding svc --role=roles/run.invoker")?.Is("run", "services", "add-iam-policy-binding"));
    }

    [Theory]
    [InlineData("echo gcloud scheduler jobs create http x")]
    [InlineData("ls -la")]
    public void Commands_that_run_no_gcloud_are_ignored(string text) => Assert.Null(Parse(text));

    [Fact]
    public void Gcloud_by_path_or_after_a_wrapper_is_found()
    {
        Assert.True(Parse("/usr/bin/gcloud run deploy svc")?.Is("run", "deploy"));
        Assert.True(Parse("retry gcloud run deploy svc")?.Is("run", "deploy"));
    }
}
