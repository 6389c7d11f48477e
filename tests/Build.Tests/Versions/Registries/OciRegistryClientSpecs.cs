using System.Net;
using GitOpsRunners.Tests.Support.Registry;
using GitOpsRunners.Versions.Registries;

namespace GitOpsRunners.Tests.Versions.Registries;

/// <summary>Tag listing and digest resolution against a real distribution registry on loopback.</summary>
public sealed class OciRegistryClientSpecs(RegistryFixture fixture) : IClassFixture<RegistryFixture>
{
    [Fact(Timeout = 20_000)]
    public async Task Helm_chart_tags_come_back_complete_and_sort_as_versions_with_build_metadata_restored()
    {
        // Arrange
        const string chart = "charts/gha-runner-scale-set";
        foreach (var version in new[] { "0.10.1", "0.9.3", "0.12.0-rc.1", "0.11.0", "0.11.0+build.7", "0.2.0" })
            await fixture.Pusher.PushHelmChartAsync(chart, version);
        var digest = await fixture.Pusher.GetManifestAsync(chart, "0.11.0");
        await fixture.Pusher.PushManifestAsync(chart, "latest", OciMediaTypes.ImageManifest, digest);
        await fixture.Pusher.PushManifestAsync(chart, "sha-abc1234", OciMediaTypes.ImageManifest, digest);
        var client = TestHttp.OciClient();

        // Act
        var tags = await client.ListTagsAsync(
            OciReference.Parse($"oci://{fixture.Registry.Authority}/{chart}"),
            CancellationToken.None
        );
        var stable = VersionTags.Parse(tags, includePrerelease: false, HelmOci.TagToVersion);
        var all = VersionTags.Parse(tags, includePrerelease: true, HelmOci.TagToVersion);

        // Assert
        tags.Should()
            .BeEquivalentTo([
                "0.10.1",
                "0.9.3",
                "0.12.0-rc.1",
                "0.11.0",
                "0.11.0_build.7",
                "0.2.0",
                "latest",
                "sha-abc1234",
            ]);
        stable
            .Select(v => v.Version.ToFullString())
            .Should()
            .Equal("0.11.0", "0.11.0+build.7", "0.10.1", "0.9.3", "0.2.0");
        stable.Single(v => v.Version.HasMetadata).Tag.Should().Be("0.11.0_build.7");
        all[0].Tag.Should().Be("0.12.0-rc.1");
    }

    [Fact(Timeout = 20_000)]
    public async Task A_repository_with_many_tags_lists_every_one_of_them()
    {
        // Arrange
        const string repository = "many/tags";
        var (digest, _) = await fixture.Pusher.PushImageAsync(repository, "1.0.0", "amd64");
        var manifest = await fixture.Pusher.GetManifestAsync(repository, "1.0.0");
        var expected = Enumerable.Range(0, 40).Select(i => $"1.{i}.0").ToList();
        foreach (var tag in expected.Skip(1))
            await fixture.Pusher.PushManifestAsync(repository, tag, OciMediaTypes.ImageManifest, manifest);

        // Act
        var tags = await TestHttp
            .OciClient(pageSize: 7)
            .ListTagsAsync(fixture.Repository(repository), CancellationToken.None);

        // Assert
        tags.Should().BeEquivalentTo(expected);
        VersionTags.Latest(tags)!.Tag.Should().Be("1.39.0");
        digest.Should().StartWith("sha256:");
    }

    [Theory(Timeout = 20_000)]
    [InlineData("actions/actions-runner", "2.330.0", false)]
    [InlineData("library/busybox", "1.37.0", true)]
    public async Task A_multi_arch_oci_index_or_docker_manifest_list_resolves_to_its_own_digest_not_a_platform_digest(
        string repository,
        string tag,
        bool docker
    )
    {
        // Arrange
        var (index, platforms) = await fixture.Pusher.PushIndexAsync(repository, tag, docker, "amd64", "arm64");

        // Act
        var digest = await TestHttp
            .OciClient()
            .ResolveDigestAsync(fixture.Repository(repository), tag, CancellationToken.None);

        // Assert
        digest.Should().Be(index);
        platforms.Should().NotContain(digest);
    }

    [Fact(Timeout = 20_000)]
    public async Task A_single_manifest_and_a_helm_chart_resolve_to_the_digest_of_their_exact_bytes()
    {
        // Arrange
        var (image, _) = await fixture.Pusher.PushImageAsync("single/image", "3.1.4", "amd64", docker: true);
        var chart = await fixture.Pusher.PushHelmChartAsync("single/chart", "1.2.3+build.9");
        var client = TestHttp.OciClient();

        // Act
        var imageDigest = await client.ResolveDigestAsync(
            fixture.Repository("single/image"),
            "3.1.4",
            CancellationToken.None
        );
        var chartDigest = await client.ResolveDigestAsync(
            fixture.Repository("single/chart"),
            HelmOci.VersionToTag("1.2.3+build.9"),
            CancellationToken.None
        );

        // Assert
        imageDigest.Should().Be(image);
        chartDigest.Should().Be(chart);
    }

    [Fact(Timeout = 20_000)]
    public async Task An_unknown_repository_is_reported_with_the_host_and_a_check_the_name_hint()
    {
        // Act
        var act = () =>
            TestHttp.OciClient().ListTagsAsync(fixture.Repository("no/such-repository"), CancellationToken.None);

        // Assert
        var error = await RegistryFailure.ShouldFailWithAsync(
            act,
            HttpStatusCode.NotFound,
            fixture.Registry.Authority,
            "no/such-repository",
            "NAME_UNKNOWN",
            "check its name"
        );
        error.Host.Should().Be(fixture.Registry.Authority);
    }

    [Fact(Timeout = 20_000)]
    public async Task An_unknown_tag_is_reported_with_the_tag_and_the_repository()
    {
        // Arrange
        await fixture.Pusher.PushHelmChartAsync("charts/known", "1.0.0");

        // Act
        var act = () =>
            TestHttp
                .OciClient()
                .ResolveDigestAsync(fixture.Repository("charts/known"), "9.9.9", CancellationToken.None);

        // Assert
        await RegistryFailure.ShouldFailWithAsync(
            act,
            HttpStatusCode.NotFound,
            "charts/known",
            "'9.9.9'",
            fixture.Registry.Authority
        );
    }

    [Fact]
    public async Task A_malformed_tag_is_refused_before_any_request()
    {
        // Act
        var act = () =>
            TestHttp
                .OciClient()
                .ResolveDigestAsync(fixture.Repository("charts/known"), "../escape", CancellationToken.None);

        // Assert
        (await act.Should().ThrowAsync<GitOpsRunners.Engine.BuildException>())
            .Which.Message.Should()
            .Contain("'../escape' is not a valid tag");
    }
}
