using GitOpsRunners.Versions.Registries;

namespace GitOpsRunners.Tests.Versions.Registries;

public sealed class LinkHeaderSpecs
{
    private static readonly Uri Request = new("https://ghcr.io/v2/org/app/tags/list?n=100");

    [Theory]
    [InlineData(
        "</v2/org/app/tags/list?n=100&last=0.9.3>; rel=\"next\"",
        "https://ghcr.io/v2/org/app/tags/list?n=100&last=0.9.3"
    )]
    [InlineData(
        "<https://ghcr.io/v2/org/app/tags/list?last=b&n=100>; rel=next",
        "https://ghcr.io/v2/org/app/tags/list?last=b&n=100"
    )]
    [InlineData("</first>; rel=\"first\", </v2/next>; rel=\"prev next\"", "https://ghcr.io/v2/next")]
    [InlineData("<tags/list?last=z>;rel=\"NEXT\"", "https://ghcr.io/v2/org/app/tags/tags/list?last=z")]
    public void The_next_link_is_found_and_resolved_against_the_request(string header, string expected)
    {
        // Act
        var next = LinkHeader.Next([header], Request);

        // Assert
        next.Should().Be(new Uri(expected));
    }

    [Theory]
    [InlineData("</v2/org/app/tags/list?last=a>; rel=\"prev\"")]
    [InlineData("no angle brackets; rel=\"next\"")]
    [InlineData("")]
    public void Headers_without_a_next_link_give_null(string header)
    {
        // Act
        var next = LinkHeader.Next([header], Request);

        // Assert
        next.Should().BeNull();
    }

    [Theory]
    [InlineData("https://ghcr.io/x", true)]
    [InlineData("https://GHCR.io:443/y", true)]
    [InlineData("http://ghcr.io/x", false)]
    [InlineData("https://ghcr.io:8443/x", false)]
    [InlineData("https://pkg-containers.githubusercontent.com/x", false)]
    public void Same_origin_means_same_scheme_host_and_port(string other, bool same)
    {
        // Act
        var result = LinkHeader.IsSameOrigin(Request, new Uri(other));

        // Assert
        result.Should().Be(same);
    }
}
