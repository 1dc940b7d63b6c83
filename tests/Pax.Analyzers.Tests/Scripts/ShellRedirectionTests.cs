using Pax.Analyzers.Deployment;
using Pax.Analyzers.Project;
using Pax.Analyzers.Scripts;

namespace Pax.Analyzers.Tests.Scripts;

/// <summary>Redirections, heredoc bodies and the files a script writes with them.</summary>
public sealed class ShellRedirectionTests
{
    [Fact]
    public void A_heredoc_a_cat_writes_is_kept_expanded_and_mapped_to_the_script()
    {
        const string Text = "JOB=collector\ncat > cb.yaml <<EOF\nname: $JOB \\$HOME `hostname`\nEOF\necho done\n";
        var script = ShellScriptReader.Read(Text);

        var cat = script.Commands[0];
        var body = Assert.Single(cat.Redirections, r => r.Heredoc is not null).Heredoc!.Body!;
        Assert.Equal("name: collector $HOME " + UnknownText.Value + "\n", body.Text);
        Assert.Equal(Text.IndexOf("$JOB", StringComparison.Ordinal), body.StartOf(body.Text.IndexOf("collector", StringComparison.Ordinal)));
        Assert.Equal(["echo", "done"], script.Commands[1].Words.Select(w => w.Value));
    }

    [Theory]
    [InlineData("cat > f <<'EOF'\n$JOB\nEOF\n", "$JOB\n")]
    [InlineData("cat > f <<\"EOF\"\n$JOB\nEOF\n", "$JOB\n")]
    [InlineData("cat > f <<\\EOF\n$JOB\nEOF\n", "$JOB\n")]
    [InlineData("JOB=j\ncat > f <<-EOF\n\t\tname: $JOB\n\tEOF\n", "name: j\n")]
    public void A_quoted_delimiter_keeps_the_body_as_written_and_dash_strips_tabs(string text, string expected)
    {
        var heredoc = ShellScriptReader.Read(text).Commands.SelectMany(c => c.Redirections).Single(r => r.Heredoc is not null).Heredoc!;

        Assert.Equal(expected, heredoc.Body!.Text);
    }

    [Theory]
    [InlineData("gcloud scheduler jobs list <<EOF\nx\nEOF\n")]
    [InlineData("cat <<EOF\nScheduling: a message, not a file\nEOF\n")]
    [InlineData("cat <<EOF 2>/dev/null\nx\nEOF\n")]
    public void A_heredoc_that_writes_no_file_is_skipped_unkept(string text)
    {
        var heredoc = ShellScriptReader.Read(text).Commands[0].Redirections.Single(r => r.Heredoc is not null).Heredoc!;

        Assert.Null(heredoc.Body);
    }

    [Theory]
    [InlineData("echo x 2>/dev/null > f\n", "x\n")]
    [InlineData("echo a2>f\n", "a2\n")]
    [InlineData("echo -n x > f\n", "x")]
    [InlineData("echo -e 'a\\nb' > f\n", "a\nb\n")]
    [InlineData("echo 'a\\nb' > f\n", "a\\nb\n")]
    [InlineData("printf 'a\\n%%b\\n' > f\n", "a\n%b\n")]
    [InlineData("printf '%s\\n' one two > f\n", "one\ntwo\n")]
    [InlineData("echo one > f\necho two >> f\n", "one\ntwo\n")]
    [InlineData("echo one >> f\n", "one\n")]
    [InlineData("tee f <<EOF >/dev/null\nbody\nEOF\n", "body\n")]
    [InlineData("tee -a f <<EOF\nbody\nEOF\n", "body\n")]
    public void The_content_a_script_writes_is_known(string text, string expected)
    {
        var written = Written(text);

        Assert.Equal(expected, Assert.Single(written, w => w.Path == "f").Content.Text);
    }

    [Theory]
    [InlineData("envsubst < template.yaml > f\n")]
    [InlineData("echo one > f\nsed -e s/a/b/ template >> f\n")]
    [InlineData("printf '%s %s\\n' a b > f\n")]
    [InlineData("cat template.yaml > f\n")]
    public void Content_written_by_other_commands_is_unknown_and_left_out(string text) =>
        Assert.DoesNotContain(Written(text), w => w.Path == "f");

    private static List<WrittenConfig> Written(string text)
    {
        var written = new List<WrittenConfig>();
        WrittenFiles.Read(ShellScriptReader.Read(text), text, null, written);
        return written;
    }
}
