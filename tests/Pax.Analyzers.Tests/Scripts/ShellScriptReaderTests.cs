using Pax.Analyzers.Deployment;
using Pax.Analyzers.Scripts;

namespace Pax.Analyzers.Tests.Scripts;

public sealed class ShellScriptReaderTests
{
    private const char U = UnknownText.Marker;

    private static string[] Words(string script, int command = 0) =>
        ShellScriptReader.Read(script).Commands[command].Words.Select(w => w.Value).ToArray();

    [Fact]
    public void Continuations_join_one_command()
    {
        var script = ShellScriptReader.Read("gcloud scheduler jobs create http tick \\\n  --uri=https://x.run.app \\\n  --http-method=POST\necho done\n");

        Assert.Equal(2, script.Commands.Count);
        Assert.Equal(["gcloud", "scheduler", "jobs", "create", "http", "tick", "--uri=https://x.run.app", "--http-method=POST"], script.Commands[0].Words.Select(w => w.Value));
    }

    [Fact]
    public void Quotes_are_removed_and_single_quotes_do_not_expand()
    {
        Assert.Equal(["echo", "a b", "$HOME", "c\"d", "e'f"], Words("echo \"a b\" '$HOME' \"c\\\"d\" e\\'f"));
    }

    [Fact]
    public void Variables_assigned_literally_expand_in_every_form()
    {
        var words = Words("REGION=us-central1\nexport PROJECT='my-project'\nrun $REGION ${PROJECT} \"${REGION}-run\" ${MISSING:-fallback} ${REGION:-other} ${UNSET}\n");

        Assert.Equal(["run", "us-central1", "my-project", "us-central1-run", "fallback", "us-central1", U.ToString()], words);
    }

    [Fact]
    public void Defaults_may_refer_to_other_variables()
    {
        Assert.Equal(["x", "p-sa@p.iam"], Words("P=p\nSA=\"${SA:-${P}-sa@${P}.iam}\"\nx $SA\n"));
    }

    [Fact]
    public void Later_assignments_win_for_later_commands()
    {
        var script = ShellScriptReader.Read("A=1\nuse $A\nA=2\nuse $A\n");

        Assert.Equal("1", script.Commands[0].Words[1].Value);
        Assert.Equal("2", script.Commands[1].Words[1].Value);
    }

    [Fact]
    public void Assignment_before_a_command_applies_to_that_command_only()
    {
        var script = ShellScriptReader.Read("A=1 env\nuse $A\n");

        Assert.Equal(["env"], script.Commands[0].Words.Select(w => w.Value));
        Assert.Equal(U.ToString(), script.Commands[1].Words[1].Value);
    }

    [Fact]
    public void Command_substitutions_are_unknown_except_cloud_run_url_lookups_which_name_their_service()
    {
        var words = Words("S=svc\nP=$(gcloud config get-value project)\nURL=$(gcloud run services describe \"$S\" --region r --format='value(status.url)')\n"
            + "ANY=$(gcloud run services describe --format='value(status.url)')\nx $P `date` $URL/push $((1+2)) $ANY\n");

        Assert.Equal(["x", U.ToString(), U.ToString(), "https://svc-" + U + ".run.app/push", U.ToString(), UnknownText.CloudRunServiceUrl], words);
    }

    [Fact]
    public void Comments_are_not_commands()
    {
        var script = ShellScriptReader.Read("# gcloud scheduler jobs create http x --oidc-service-account-email=a\necho a#b # trailing\n  # indented\n");

        Assert.Single(script.Commands);
        Assert.Equal(["echo", "a#b"], script.Commands[0].Words.Select(w => w.Value));
    }

    [Fact]
    public void Heredoc_bodies_are_not_commands()
    {
        var script = ShellScriptReader.Read("cat <<EOF > README\ngcloud scheduler jobs create http x\nEOF\ncat <<-'END'\n\tgcloud run deploy\n\tEND\nafter\n");

        Assert.Equal(["cat", "cat", "after"], script.Commands.Select(c => c.Words[0].Value));
        Assert.Single(script.Commands[0].Words);
    }

    [Fact]
    public void Separators_split_commands_and_keywords_are_dropped()
    {
        var script = ShellScriptReader.Read("if gcloud a; then gcloud b && gcloud c || gcloud d | tee log; fi\n");

        Assert.Equal(["a", "b", "c", "d", "log"], script.Commands.Select(c => c.Words[1].Value));
    }

    [Fact]
    public void Redirections_are_not_words()
    {
        Assert.Equal(["gcloud", "x"], Words("gcloud x > /dev/null 2>&1 </dev/null"));
    }

    [Fact]
    public void Word_spans_point_into_the_file()
    {
        const string text = "A=b\n  gcloud   --uri=\"$A\"\n";
        var word = ShellScriptReader.Read(text).Commands[0].Words[1];

        Assert.Equal("--uri=\"$A\"", text.Substring(word.Span.Start, word.Span.Length));
        Assert.Equal("--uri=b", word.Value);
    }

    [Theory]
    [InlineData("echo \"unterminated")]
    [InlineData("echo ${unterminated")]
    [InlineData("x=$(unterminated")]
    [InlineData("cat <<EOF\nno end")]
    [InlineData("\\")]
    [InlineData("'")]
    [InlineData("")]
    public void Malformed_scripts_never_throw(string text)
    {
        var script = ShellScriptReader.Read(text);

        Assert.Null(script.Failure);
    }

    [Fact]
    public void A_variable_doubling_itself_line_after_line_stops_at_the_value_limit_and_is_unknown()
    {
        // 60 lines of A="$A$A" make a value of 2^60 characters when followed: the reader would never finish.
        var script = ShellScriptReader.Read("A=x\n" + string.Concat(Enumerable.Repeat("A=\"$A$A\"\n", 60)) + "gcloud run deploy \"$A\"\n");

        Assert.Null(script.Failure);
        var deploy = Assert.Single(script.Commands, c => c.Words[0].Value == "gcloud");
        Assert.False(UnknownText.IsKnown(deploy.Words[3].Value));
        Assert.InRange(deploy.Words[3].Value.Length, 1, 2 * Pax.Analyzers.Text.ReadLimits.MaxValueLength);
    }

    [Fact]
    public void A_value_up_to_the_limit_is_kept()
    {
        var script = ShellScriptReader.Read("A=x\n" + string.Concat(Enumerable.Repeat("A=\"$A$A\"\n", 16)) + "gcloud run deploy \"$A\"\n");

        Assert.Equal(new string('x', 65_536), Assert.Single(script.Commands, c => c.Words[0].Value == "gcloud").Words[3].Value);
    }
}
