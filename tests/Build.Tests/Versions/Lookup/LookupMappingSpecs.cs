using GitOpsRunners.Diagnostics;
using GitOpsRunners.Manifests;
using GitOpsRunners.Versions.Bump;
using GitOpsRunners.Versions.Lookup;
using GitOpsRunners.Versions.Pins;
using GitOpsRunners.Versions.Planning;

namespace GitOpsRunners.Tests.Versions.Lookup;

/// <summary>Which tags get a digest look-up, which releases describe a pin, and how groups name their branches.</summary>
public sealed class LookupMappingSpecs
{
    private static readonly string[] Tags =
    [
        "2.338.0",
        "latest",
        "2.337.0",
        "3.0.0",
        "2.337.1",
        "2.339.0-rc.1",
        "sha-abc1234",
    ];

    [Fact]
    public void Only_the_current_tag_and_the_tag_the_policy_would_pick_get_a_digest_look_up()
    {
        // Arrange
        var pin = Image("2.337.0", "sha256:" + new string('a', 64));

        // Act
        var minor = VersionLookup.Candidates(pin, Tags, new BumpPolicy(VersionBump.Minor)).ToList();
        var patch = VersionLookup.Candidates(pin, Tags, new BumpPolicy(VersionBump.Patch)).ToList();
        var major = VersionLookup.Candidates(pin, Tags, new BumpPolicy(VersionBump.Major)).ToList();
        var pre = VersionLookup.Candidates(pin, Tags, new BumpPolicy(VersionBump.Minor, PreRelease: true)).ToList();

        // Assert
        minor.Should().Equal("2.337.0", "2.338.0");
        patch.Should().Equal("2.337.0", "2.337.1");
        major.Should().Equal("2.337.0", "3.0.0");
        pre.Should().Equal("2.337.0", "2.339.0-rc.1");
    }

    [Fact]
    public void A_pin_whose_tag_is_not_a_version_only_looks_up_its_own_digest()
    {
        // Arrange
        var pin = Image("latest", "sha256:" + new string('b', 64));

        // Act
        var candidates = VersionLookup.Candidates(pin, Tags, new BumpPolicy()).ToList();

        // Assert
        candidates.Should().Equal("latest");
    }

    [Fact]
    public void A_pin_at_the_newest_allowed_tag_looks_up_only_that_tag()
    {
        // Arrange
        var pin = Image("2.338.0", "sha256:" + new string('c', 64));

        // Act
        var candidates = VersionLookup.Candidates(pin, Tags, new BumpPolicy()).Distinct().ToList();

        // Assert
        candidates.Should().Equal("2.338.0");
    }

    [Theory]
    [InlineData(
        PinKind.HelmChartOci,
        "gha-runner-scale-set",
        "actions/actions-runner-controller",
        "gha-runner-scale-set-"
    )]
    [InlineData(
        PinKind.HelmChartOci,
        "gha-runner-scale-set-controller",
        "actions/actions-runner-controller",
        "gha-runner-scale-set-"
    )]
    [InlineData(PinKind.HelmChartHttp, "external-secrets", "external-secrets/external-secrets", "v")]
    [InlineData(PinKind.ContainerImage, "ghcr.io/home-operations/actions-runner", "actions/runner", "v")]
    public void Known_components_map_to_the_GitHub_releases_that_describe_them(
        PinKind kind,
        string component,
        string repository,
        string prefix
    )
    {
        // Act
        var source = ReleaseSources.For(Pin(kind, component, "1.0.0", null));

        // Assert
        source.Should().NotBeNull();
        source!.ToString().Should().Be(repository);
        source.TagPrefix.Should().Be(prefix);
    }

    [Fact]
    public void An_unknown_component_has_no_release_source()
    {
        // Act
        var source = ReleaseSources.For(Pin(PinKind.ContainerImage, "docker.io/library/nginx", "1.27.0", null));

        // Assert
        source.Should().BeNull();
    }

    [Theory]
    [InlineData("arc", "bump/aks-a/arc")]
    [InlineData("ghcr.io/home-operations/actions-runner", "bump/aks-a/actions-runner")]
    [InlineData("external-secrets", "bump/aks-a/external-secrets")]
    [InlineData("Weird Name!", "bump/aks-a/weird-name")]
    public void Each_group_has_a_deterministic_branch(string group, string branch)
    {
        // Act
        var name = BumpBranch.Name("aks-a", group);

        // Assert
        name.Should().Be(branch);
    }

    [Fact]
    public void Digests_are_shortened_to_twelve_hex_digits_in_tables_and_titles()
    {
        // Act
        var text = BumpText.Version("2.338.0", "sha256:" + new string('d', 64));

        // Assert
        text.Should().Be("2.338.0@sha256:dddddddddddd");
    }

    private static VersionPin Image(string tag, string digest) =>
        Pin(PinKind.ContainerImage, "ghcr.io/home-operations/actions-runner", tag, digest);

    private static VersionPin Pin(PinKind kind, string component, string version, string? digest) =>
        new("aks-a", component, kind, component, version, digest, new SourceLocation("kubernetes/versions.yaml", 3));
}
