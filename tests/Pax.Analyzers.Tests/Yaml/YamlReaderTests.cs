using Pax.Analyzers.Deployment;
using Pax.Analyzers.Tests.Support;
using Pax.Analyzers.Yaml;

namespace Pax.Analyzers.Tests.Yaml;

/// <summary>The YAML subset CI files use, read with every scalar character mapped back to the file.</summary>
public sealed class YamlReaderTests
{
    [Fact]
    public void Block_mappings_and_compact_sequences_of_mappings_are_read()
    {
        var root = Root("""
            steps:
            - name: 'gcr.io/cloud-builders/docker'
              args: ['build', '-t', "gcr.io/$PROJECT_ID/app", '.']
            - name: gcr.io/cloud-builders/gcloud
              args:
                - run
                - deploy
            timeout: 1200s
            """);

        var steps = Assert.IsType<YamlSequence>(root.Get("steps"));
        Assert.Equal(2, steps.Items.Count);
        var first = Assert.IsType<YamlMapping>(steps.Items[0]);
        Assert.Equal("gcr.io/cloud-builders/docker", first.Scalar("name")?.Value);
        Assert.Equal(["build", "-t", "gcr.io/$PROJECT_ID/app", "."], Values(first.Get("args")));
        Assert.Equal(["run", "deploy"], Values(Assert.IsType<YamlMapping>(steps.Items[1]).Get("args")));
        Assert.Equal("1200s", root.Scalar("timeout")?.Value);
    }

    [Fact]
    public void A_flow_sequence_over_several_lines_with_comments_is_read()
    {
        var root = Root("""
            args: [
              'run', 'deploy', 'servoya-cloud-worker',   # the service
              '--allow-unauthenticated'
            ]
            next: value
            """);

        Assert.Equal(["run", "deploy", "servoya-cloud-worker", "--allow-unauthenticated"], Values(root.Get("args")));
        Assert.Equal("value", root.Scalar("next")?.Value);
    }

    [Fact]
    public void A_literal_block_keeps_lines_and_maps_each_character_to_the_file()
    {
        const string Text = "jobs:\n  deploy:\n    steps:\n      - run: |\n          gcloud run deploy api \\\n            --allow-unauthenticated\n\n          echo done\n      - run: echo next\n";
        var run = Step(Root(Text), 0).Scalar("run")!;

        Assert.Equal("gcloud run deploy api \\\n  --allow-unauthenticated\n\necho done\n", run.Value);
        var flag = run.Value.IndexOf("--allow", StringComparison.Ordinal);
        Assert.Equal(Text.IndexOf("--allow", StringComparison.Ordinal), run.Content.StartOf(flag));
        Assert.Equal("echo next", Step(Root(Text), 1).Scalar("run")?.Value);
    }

    [Theory]
    [InlineData("k: |-\n  a\n  b\n\nz: 1\n", "a\nb")]
    [InlineData("k: >\n  gcloud run deploy api\n  --allow-unauthenticated\n\n  echo\n", "gcloud run deploy api --allow-unauthenticated\necho\n")]
    [InlineData("k: >-\n  a\n    indented\n  b\n", "a\n  indented\nb")]
    [InlineData("k: |2\n    four\n  two\n", "  four\ntwo\n")]
    [InlineData("k: |\n  # a shell comment is content\n  x\n# a YAML comment ends it\n", "# a shell comment is content\nx\n")]
    public void Block_scalars_follow_chomping_folding_and_indentation_indicators(string text, string expected) =>
        Assert.Equal(expected, Root(text).Scalar("k")?.Value);

    [Theory]
    [InlineData("k: \"a\\tb\\n\\\"c\\\" \\u00e9 \\x41\"", "a\tb\n\"c\" é A")]
    [InlineData("k: 'it''s'", "it's")]
    [InlineData("k: \"one\n  two\n\n  three\"", "one two\nthree")]
    [InlineData("k: \"no \\\n  space\"", "no space")]
    [InlineData("k: plain text # a comment", "plain text")]
    [InlineData("k: a#b", "a#b")]
    [InlineData("k: https://run.googleapis.com/v2/x:run", "https://run.googleapis.com/v2/x:run")]
    [InlineData("k: first\n  continued\n", "first continued")]
    [InlineData("k: &anchor !!str tagged", "tagged")]
    public void Scalars_resolve_quotes_escapes_folding_and_comments(string text, string expected) =>
        Assert.Equal(expected, Root(text).Scalar("k")?.Value);

    [Fact]
    public void An_alias_is_unknown_and_a_flow_mapping_is_read()
    {
        var root = Root("a: *base\nb: {service: api, region: 'us-central1'}\n");

        Assert.True(root.Scalar("a")!.IsAlias);
        Assert.Equal(UnknownText.Value, root.Scalar("a")!.Value);
        var b = Assert.IsType<YamlMapping>(root.Get("b"));
        Assert.Equal("api", b.Scalar("service")?.Value);
        Assert.Equal("us-central1", b.Scalar("region")?.Value);
    }

    [Fact]
    public void Only_the_first_document_is_read_and_CRLF_lines_are_read_like_LF()
    {
        var root = Root("%YAML 1.2\r\n---\r\nfirst: 1\r\nrun: |\r\n  echo a\r\n---\r\nsecond: 2\r\n");

        Assert.Equal("1", root.Scalar("first")?.Value);
        Assert.Equal("echo a\n", root.Scalar("run")?.Value);
        Assert.Null(root.Get("second"));
    }

    [Fact]
    public void Entries_and_items_are_constructs_from_their_first_to_their_last_character()
    {
        const string Text = "steps:\n- name: a\n  args:\n  - x\n- name: b\n";
        var document = YamlReader.Read(Text);

        Assert.Contains(document.Constructs, span => span.Start == Text.IndexOf("- name: a", StringComparison.Ordinal)
            && span.End == Text.IndexOf("- x", StringComparison.Ordinal) + 3);
    }

    [Theory]
    [InlineData("")]
    [InlineData("key: 'unterminated\n  - [\n")]
    [InlineData("a: [b, {c: d, e: [f,\n")]
    [InlineData("- - - -\n  :\n:::\n\t\tx: y\n  - z")]
    [InlineData("k: |9\n x\n")]
    [InlineData("k: \"\\u12\"\n")]
    [InlineData("? complex\n: value\n")]
    [InlineData("{\"steps\": [{\"name\": \"gcr.io/cloud-builders/gcloud\", \"args\": [\"run\"]}]}")]
    public void Malformed_or_unusual_input_never_throws(string text)
    {
        var document = YamlReader.Read(text);

        Assert.Null(document.Failure);
    }

    [Theory]
    [InlineData("steps: ", "[", "")]
    [InlineData("steps: ", "{k: ", "")]
    [InlineData("steps: ", "[{k: ", "gcloud")]
    [InlineData("steps:\n", "- ", "gcloud")]
    [InlineData("", "- k: ", "gcloud")]
    public void Input_nested_thirty_thousand_deep_on_one_line_is_read_to_a_bounded_depth(string prefix, string level, string suffix)
    {
        var document = SmallStack.Run(() => YamlReader.Read(prefix + string.Concat(Enumerable.Repeat(level, 30_000)) + suffix));

        Assert.Null(document.Failure);
        AssertBoundedAndUnknownBelow(document);
    }

    [Theory]
    [InlineData("-", 1)]
    [InlineData("k:", 1)]
    [InlineData("- k:", 2)]
    public void Block_collections_nested_by_indentation_are_read_to_a_bounded_depth(string level, int indent)
    {
        var text = new System.Text.StringBuilder();
        for (var depth = 0; depth < 2_000; depth++)
        {
            text.Append(' ', depth * indent).Append(level).Append('\n');
        }

        var document = SmallStack.Run(() => YamlReader.Read(text.Append(' ', 2_000 * indent).Append("gcloud\n").ToString()));

        Assert.Null(document.Failure);
        AssertBoundedAndUnknownBelow(document);
    }

    [Fact]
    public void Thirty_thousand_lines_of_properties_alone_are_read_without_deepening_the_stack()
    {
        var text = "k:\n" + string.Concat(Enumerable.Repeat("  &a !t\n", 30_000)) + "  value\n";

        var document = SmallStack.Run(() => YamlReader.Read(text));

        Assert.Null(document.Failure);
        Assert.Equal("value", Assert.IsType<YamlMapping>(document.Root).Scalar("k")?.Value);
    }

    [Fact]
    public void Nesting_up_to_the_limit_is_read_in_full()
    {
        var text = "k: " + new string('[', YamlReader.MaxDepth - 1) + "gcloud" + new string(']', YamlReader.MaxDepth - 1) + "\nnext: value\n";

        var root = Root(text);

        YamlNode? node = root.Get("k");
        while (node is YamlSequence sequence)
        {
            node = sequence.Items[0];
        }

        Assert.Equal("gcloud", Assert.IsType<YamlScalar>(node).Value);
        Assert.Equal("value", root.Scalar("next")?.Value);
    }

    /// <summary>The tree is at most <see cref="YamlReader.MaxDepth"/> collections deep, and what lies deeper is one unknown scalar.</summary>
    private static void AssertBoundedAndUnknownBelow(YamlDocument document)
    {
        var depth = 0;
        var node = document.Root;
        while (node is YamlSequence or YamlMapping)
        {
            depth++;
            node = node is YamlSequence sequence ? sequence.Items[0] : ((YamlMapping)node).Entries[0].Value;
        }

        Assert.InRange(depth, 1, YamlReader.MaxDepth);
        Assert.Equal(UnknownText.Value, Assert.IsType<YamlScalar>(node).Value);
    }

    private static YamlMapping Root(string text)
    {
        var document = YamlReader.Read(text);
        Assert.Null(document.Failure);
        return Assert.IsType<YamlMapping>(document.Root);
    }

    private static YamlMapping Step(YamlMapping root, int index) =>
        Assert.IsType<YamlMapping>(Assert.IsType<YamlSequence>(Assert.IsType<YamlMapping>(Assert.IsType<YamlMapping>(root.Get("jobs")).Get("deploy")).Get("steps")).Items[index]);

    private static string[] Values(YamlNode? node) => Assert.IsType<YamlSequence>(node).Items.Select(i => Assert.IsType<YamlScalar>(i).Value).ToArray();
}
