using GitOpsRunners.Versions.Editing;

namespace GitOpsRunners.Tests.Versions.Editing;

public sealed class YamlScalarEditorSpecs
{
    private const string Versions = """
        ---
        # Version pins of the first stage.
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: cluster-versions
        data:
          # renovate: datasource=docker depName=ghcr.io/actions/actions-runner-controller-charts/gha-runner-scale-set
          ARC_CHART_VERSION: "0.14.2"   # both charts
          ESO_CHART_VERSION: '2.8.0'
          PLAIN: 1.2.3
          RUNNER_IMAGE: "2.337.0@sha256:8b8e"

        """;

    [Fact]
    public void A_double_quoted_value_keeps_its_quotes_and_the_comment_after_it()
    {
        // Act
        var edited = YamlScalarEditor.Set(Versions, YamlScalarAddress.AtPath("data.ARC_CHART_VERSION"), "0.15.0");

        // Assert
        edited
            .Should()
            .Be(Versions.Replace("\"0.14.2\"   # both charts", "\"0.15.0\"   # both charts", StringComparison.Ordinal));
    }

    [Fact]
    public void A_single_quoted_value_keeps_single_quotes_and_doubles_an_apostrophe()
    {
        // Act
        var edited = YamlScalarEditor.Set(Versions, YamlScalarAddress.AtPath("data.ESO_CHART_VERSION"), "it's 2.9.0");

        // Assert
        edited.Should().Contain("ESO_CHART_VERSION: 'it''s 2.9.0'\n");
    }

    [Fact]
    public void A_plain_value_stays_plain_when_safe()
    {
        // Act
        var edited = YamlScalarEditor.Set(Versions, YamlScalarAddress.AtPath("data.PLAIN"), "1.3.0");

        // Assert
        edited.Should().Be(Versions.Replace("PLAIN: 1.2.3", "PLAIN: 1.3.0", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("1.10", "\"1.10\"")]
    [InlineData("true", "\"true\"")]
    [InlineData("a: b", "\"a: b\"")]
    [InlineData("x #y", "\"x #y\"")]
    [InlineData("line\nbreak", "\"line\\nbreak\"")]
    public void A_plain_value_is_double_quoted_when_plain_would_read_differently(string value, string written)
    {
        // Act
        var edited = YamlScalarEditor.Set(Versions, YamlScalarAddress.AtPath("data.PLAIN"), value);

        // Assert
        edited.Should().Contain($"PLAIN: {written}\n");
        YamlScalarEditor.Locate(edited, YamlScalarAddress.AtPath("data.PLAIN")).Value.Should().Be(value);
    }

    [Fact]
    public void Crlf_line_endings_a_byte_order_mark_and_a_missing_final_newline_survive()
    {
        // Arrange
        var text = "\uFEFFa: 1.0.0\r\nb:\r\n  c: 'x' # keep\r\n  d: [1, \"2\"]";

        // Act
        var edited = YamlScalarEditor.Apply(
            text,
            [YamlEdit.Set(YamlScalarAddress.AtPath("b.c"), "y"), YamlEdit.Set(YamlScalarAddress.AtPath("b.d[1]"), "3")]
        );

        // Assert
        edited.Should().Be("\uFEFFa: 1.0.0\r\nb:\r\n  c: 'y' # keep\r\n  d: [1, \"3\"]");
    }

    [Fact]
    public void A_value_in_a_flow_mapping_is_quoted_when_it_holds_a_flow_indicator()
    {
        // Arrange
        var text = "image: {repository: ghcr.io/x/y, tag: 1.2.3}\n";

        // Act
        var plain = YamlScalarEditor.Set(text, YamlScalarAddress.AtPath("image.tag"), "1.3.0");
        var quoted = YamlScalarEditor.Set(text, YamlScalarAddress.AtPath("image.tag"), "1,3");

        // Assert
        plain.Should().Be("image: {repository: ghcr.io/x/y, tag: 1.3.0}\n");
        quoted.Should().Be("image: {repository: ghcr.io/x/y, tag: \"1,3\"}\n");
    }

    [Fact]
    public void Part_of_a_scalar_is_replaced_and_the_rest_is_kept_byte_for_byte()
    {
        // Arrange
        var text =
            "image: \"ghcr.io/home-operations/actions-runner:${RUNNER_IMAGE}\"\nother: ghcr.io/x/y:1.2.3@sha256:abc # pinned\n";

        // Act
        var edited = YamlScalarEditor.Apply(
            text,
            [
                YamlEdit.ReplaceInScalar(YamlScalarAddress.AtPath("image"), "${RUNNER_IMAGE}", "2.338.0@sha256:def"),
                YamlEdit.ReplaceInScalar(YamlScalarAddress.AtPath("other"), "1.2.3@sha256:abc", "1.3.0@sha256:fff"),
            ]
        );

        // Assert
        edited
            .Should()
            .Be(
                "image: \"ghcr.io/home-operations/actions-runner:2.338.0@sha256:def\"\nother: ghcr.io/x/y:1.3.0@sha256:fff # pinned\n"
            );
    }

    [Fact]
    public void A_part_that_occurs_twice_is_refused_as_ambiguous()
    {
        // Arrange
        var text = "v: 1.2.3-1.2.3\n";

        // Act
        var act = () =>
            YamlScalarEditor.ReplaceInScalar(text, YamlScalarAddress.AtPath("v"), "1.2.3", "2.0.0", "f.yaml");

        // Assert
        act.Should().Throw<YamlEditException>().WithMessage("f.yaml:1: *'1.2.3' occurs 2 times*");
    }

    [Fact]
    public void A_scalar_is_addressed_by_line_and_column_including_its_anchor()
    {
        // Arrange
        var text = "a: x\nb: &v !!str 1.0.0\nc: *v\n";

        // Act
        var byValue = YamlScalarEditor.Set(text, YamlScalarAddress.AtMark(2, 13), "2.0.0");
        var byAnchor = YamlScalarEditor.Set(text, YamlScalarAddress.AtMark(2, 4), "2.0.0");

        // Assert
        byValue.Should().Be("a: x\nb: &v !!str 2.0.0\nc: *v\n");
        byAnchor.Should().Be(byValue);
    }

    [Fact]
    public void The_second_document_is_addressed_by_its_index()
    {
        // Arrange
        var text = "kind: A\nspec: {ref: {tag: 1.0.0}}\n---\nkind: B\nspec:\n  ref:\n    tag: \"1.0.0\"\n";

        // Act
        var edited = YamlScalarEditor.Set(text, YamlScalarAddress.AtPath("spec.ref.tag", document: 1), "1.1.0");

        // Assert
        edited.Should().Be(text.Replace("tag: \"1.0.0\"", "tag: \"1.1.0\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Keys_with_dots_are_addressed_with_brackets()
    {
        // Arrange
        var text = "annotations:\n  azure.workload.identity/client-id: old\n";

        // Act
        var edited = YamlScalarEditor.Set(
            text,
            YamlScalarAddress.AtPath(YamlPath.Of("annotations", "azure.workload.identity/client-id")),
            "new"
        );

        // Assert
        edited.Should().Be("annotations:\n  azure.workload.identity/client-id: new\n");
    }

    [Theory]
    [InlineData("notes: |\n  text\n")]
    [InlineData("notes: >-\n  text\n")]
    public void A_block_scalar_is_refused_with_its_file_and_line(string text)
    {
        // Act
        var act = () => YamlScalarEditor.Set(text, YamlScalarAddress.AtPath("notes"), "x", "values.yaml");

        // Assert
        act.Should().Throw<YamlEditException>().WithMessage("values.yaml:1: 'notes' in document 0 is a block scalar*");
    }

    [Fact]
    public void A_missing_path_is_reported_with_its_file_and_line()
    {
        // Act
        var act = () =>
            YamlScalarEditor.Set(Versions, YamlScalarAddress.AtPath("data.NOPE"), "1", "cluster-versions.yaml");

        // Assert
        act.Should()
            .Throw<YamlEditException>()
            .WithMessage(
                "cluster-versions.yaml:7: 'data.NOPE' not found in document 0: 'data' has no key 'NOPE' (keys: ARC_CHART_VERSION, ESO_CHART_VERSION, PLAIN, RUNNER_IMAGE)"
            );
    }

    [Theory]
    [InlineData("a: 1\na: 2\n", "a", "has the key 'a' 2 times")]
    [InlineData("a: [x]\n", "a[3]", "has 1 items, no index [3]")]
    [InlineData("a: x\n", "a.b", "is the scalar 'x', not a mapping")]
    [InlineData("a: {b: c}\n", "a", "is a mapping, not a scalar")]
    [InlineData("a: &x v\nb: *x\n", "b", "is an alias (*x)")]
    public void Targets_that_are_not_exactly_one_scalar_are_refused(string text, string path, string reason)
    {
        // Act
        var act = () => YamlScalarEditor.Set(text, YamlScalarAddress.AtPath(path), "new", "f.yaml");

        // Assert
        act.Should().Throw<YamlEditException>().WithMessage($"f.yaml:*{reason}*");
    }

    [Fact]
    public void Edits_to_one_file_are_all_applied_or_none_and_every_problem_is_listed()
    {
        // Arrange
        var edits = new[]
        {
            YamlEdit.Set(YamlScalarAddress.AtPath("data.ARC_CHART_VERSION"), "0.15.0"),
            YamlEdit.Set(YamlScalarAddress.AtPath("data.MISSING"), "1"),
            YamlEdit.Set(YamlScalarAddress.AtPath("data.PLAIN"), "2.0.0", expected: "9.9.9"),
        };

        // Act
        var act = () => YamlScalarEditor.Apply(Versions, edits, "cluster-versions.yaml");

        // Assert
        var problems = act.Should().Throw<YamlEditException>().Which.Problems;
        problems.Should().HaveCount(2);
        problems[0].Should().StartWith("cluster-versions.yaml:7: 'data.MISSING' not found");
        problems[1]
            .Should()
            .StartWith("cluster-versions.yaml:11: 'data.PLAIN' in document 0 holds '1.2.3', not the expected '9.9.9'");
    }

    [Fact]
    public void The_same_edit_twice_is_applied_once()
    {
        // Arrange
        var edit = YamlEdit.ReplaceInScalar(
            YamlScalarAddress.AtPath("data.RUNNER_IMAGE"),
            "2.337.0@sha256:8b8e",
            "2.338.0@sha256:ffff"
        );

        // Act
        var edited = YamlScalarEditor.Apply(Versions, [edit, edit with { }]);

        // Assert
        edited.Should().Contain("RUNNER_IMAGE: \"2.338.0@sha256:ffff\"\n");
    }

    [Fact]
    public void Invalid_yaml_is_reported_with_its_line()
    {
        // Act
        var act = () => YamlScalarEditor.Set("a: [1, 2\nb: c\n", YamlScalarAddress.AtPath("b"), "d", "bad.yaml");

        // Assert
        act.Should().Throw<YamlEditException>().WithMessage("bad.yaml:*: not valid YAML*");
    }
}
