using GitOpsRunners.Diagnostics;
using GitOpsRunners.Manifests;
using GitOpsRunners.Validation;

namespace GitOpsRunners.Tests.Manifests;

public sealed class YamlFileLoaderSpecs
{
    [Fact]
    public void A_syntax_error_is_reported_at_its_line_and_column_without_parser_internals()
    {
        // Act
        var result = YamlFileLoader.Parse("a: 1\nb: [1, 2\nc: 3\n", "x.yaml");

        // Assert
        var finding = result.Findings.Should().ContainSingle().Subject;
        finding.RuleId.Should().Be(ManifestRules.YamlSyntax.Id);
        finding.Location!.File.Should().Be("x.yaml");
        finding.Location.Line.Should().Be(2);
        finding.Message.Should().NotContain("Exception").And.NotContain("YamlDotNet");
        result.Documents.Should().BeEmpty();
    }

    [Fact]
    public void An_unterminated_quote_is_reported_where_the_quote_starts()
    {
        // Act
        var result = YamlFileLoader.Parse("a: 1\nb: \"open\n", "q.yaml");

        // Assert
        result.Findings.Should().ContainSingle().Which.Location.Should().Be(new SourceLocation("q.yaml", 2, 4));
    }

    [Fact]
    public void A_duplicate_key_is_reported_at_the_second_key_and_the_document_still_loads()
    {
        // Act
        var result = YamlFileLoader.Parse("metadata:\n  name: a\n  labels: {}\n  name: b\nkind: X\n", "dup.yaml");

        // Assert
        var finding = result.Findings.Should().ContainSingle().Subject;
        finding.RuleId.Should().Be(ManifestRules.YamlDuplicateKey.Id);
        finding.Location.Should().Be(new SourceLocation("dup.yaml", 4, 3));
        finding.Message.Should().Contain("'name'");
        result.Documents.Single().Root.ScalarAt("kind").Should().Be("X");
    }

    [Fact]
    public void The_same_key_in_different_mappings_is_not_a_duplicate()
    {
        // Act
        var result = YamlFileLoader.Parse("a:\n  name: x\nb:\n  name: y\nc:\n  - name: 1\n  - name: 2\n", "ok.yaml");

        // Assert
        result.Findings.Should().BeEmpty();
    }

    [Fact]
    public void A_tab_used_for_indentation_is_reported_on_its_line()
    {
        // Act
        var result = YamlFileLoader.Parse("a:\n  b: 1\n\tc: 2\n", "tabs.yaml");

        // Assert
        var finding = result.Findings.Should().ContainSingle().Subject;
        finding.Location.Should().Be(new SourceLocation("tabs.yaml", 3, 1));
        finding.Message.Should().Contain("tab");
    }

    [Fact]
    public void Bad_indentation_is_reported_with_a_readable_message()
    {
        // Act
        var result = YamlFileLoader.Parse("metadata:\n  name: x\n   labels: y\n", "indent.yaml");

        // Assert
        var finding = result.Findings.Should().ContainSingle().Subject;
        finding.Location!.Line.Should().Be(3);
        finding.Message.Should().Contain("indentation");
    }

    [Fact]
    public void Empty_and_comment_only_documents_are_skipped_and_locations_point_at_the_first_key()
    {
        // Act
        var result = YamlFileLoader.Parse(
            "---\n# just a comment\n---\n\n---\n# about b\nkind: B\n---\nkind: C\n",
            "multi.yaml"
        );

        // Assert
        result.Findings.Should().BeEmpty();
        result.Documents.Select(d => d.Location.Line).Should().Equal(7, 9);
        result.Documents.Select(d => d.Index).Should().Equal(2, 3);
    }

    [Fact]
    public void A_document_that_is_not_a_mapping_is_reported()
    {
        // Act
        var result = YamlFileLoader.Parse("kind: A\n---\n- one\n- two\n", "list.yaml");

        // Assert
        result.Documents.Should().ContainSingle();
        var finding = result.Findings.Should().ContainSingle().Subject;
        finding.RuleId.Should().Be(ManifestRules.YamlNotAMapping.Id);
        finding.Location!.Line.Should().Be(3);
        finding.Severity.Should().Be(Severity.Error);
    }

    [Fact]
    public void Parse_or_throw_raises_a_located_build_exception()
    {
        // Act
        var act = () => YamlFileLoader.ParseOrThrow("a: 'open\n", "bad.yaml");

        // Assert
        act.Should().Throw<YamlSyntaxException>().Which.Location.File.Should().Be("bad.yaml");
    }

    [Fact]
    public void An_unreadable_file_is_a_finding_not_an_exception()
    {
        // Act
        var result = YamlFileLoader.Load("/nonexistent/definitely/not/here.yaml", "here.yaml");

        // Assert
        result.Findings.Should().ContainSingle(f => f.RuleId == ManifestRules.FileUnreadable.Id);
    }
}
