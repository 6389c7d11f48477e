using GitOpsRunners.Versions.Registries;

namespace GitOpsRunners.Tests.Versions.Registries;

public sealed class VersionTagsSpecs
{
    [Theory]
    [InlineData("1.2.3", "1.2.3")]
    [InlineData("v1.2.3", "1.2.3")]
    [InlineData("V0.14.2", "0.14.2")]
    [InlineData("2.330.0-ubuntu", "2.330.0-ubuntu")]
    [InlineData("1.0.0-rc.1+build.5", "1.0.0-rc.1+build.5")]
    public void Semantic_version_tags_are_read_with_an_optional_leading_v(string tag, string expected)
    {
        // Act
        var ok = VersionTags.TryParse(tag, out var version);

        // Assert
        ok.Should().BeTrue();
        version!.ToFullString().Should().Be(expected);
    }

    [Theory]
    [InlineData("latest")]
    [InlineData("sha-abc1234")]
    [InlineData("2.330")]
    [InlineData("1.2.3.4")]
    [InlineData("v")]
    [InlineData("vv1.2.3")]
    [InlineData("1.2.3_build")]
    [InlineData("main-2026-01-01")]
    [InlineData("")]
    [InlineData(" ")]
    public void Tags_that_are_not_semantic_versions_are_not_versions(string tag)
    {
        // Act
        var ok = VersionTags.TryParse(tag, out var version);

        // Assert
        ok.Should().BeFalse();
        version.Should().BeNull();
    }

    [Fact]
    public void Parse_sorts_newest_first_and_leaves_out_pre_releases_and_variants_unless_asked()
    {
        // Arrange
        string[] tags =
        [
            "2.329.0",
            "latest",
            "2.330.0-ubuntu",
            "v2.330.0",
            "2.10.0",
            "2.9.9",
            "2.331.0-rc.1",
            "sha-1",
            "2.330.0",
        ];

        // Act
        var stable = VersionTags.Parse(tags);
        var all = VersionTags.Parse(tags, includePrerelease: true);

        // Assert
        stable.Select(v => v.Tag).Should().Equal("2.330.0", "v2.330.0", "2.329.0", "2.10.0", "2.9.9");
        all.Select(v => v.Tag)
            .Should()
            .Equal("2.331.0-rc.1", "2.330.0", "v2.330.0", "2.330.0-ubuntu", "2.329.0", "2.10.0", "2.9.9");
        all.Where(v => v.IsPrerelease).Select(v => v.Tag).Should().Equal("2.331.0-rc.1", "2.330.0-ubuntu");
    }

    [Fact]
    public void Latest_is_null_when_no_tag_is_a_version()
    {
        // Act
        var latest = VersionTags.Latest(["latest", "main", "sha-0123"]);

        // Assert
        latest.Should().BeNull();
    }

    [Fact]
    public void Helm_tags_map_underscore_to_build_metadata_and_back()
    {
        // Act
        var versions = VersionTags.Parse(["1.2.3_build.1", "1.2.4", "1.2.3"], tagToVersion: HelmOci.TagToVersion);

        // Assert
        HelmOci.TagToVersion("1.2.3_build.1").Should().Be("1.2.3+build.1");
        HelmOci.VersionToTag("1.2.3+build.1").Should().Be("1.2.3_build.1");
        HelmOci.VersionToTag(HelmOci.TagToVersion("0.14.2")).Should().Be("0.14.2");
        versions
            .Select(v => (v.Tag, v.Version.ToFullString()))
            .Should()
            .Equal(("1.2.4", "1.2.4"), ("1.2.3", "1.2.3"), ("1.2.3_build.1", "1.2.3+build.1"));
    }
}
