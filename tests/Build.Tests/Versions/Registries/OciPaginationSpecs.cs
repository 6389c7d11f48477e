using GitOpsRunners.Tests.Fakes;
using GitOpsRunners.Versions.Registries;
using Microsoft.AspNetCore.Http;

namespace GitOpsRunners.Tests.Versions.Registries;

/// <summary>
/// <c>Link: rel="next"</c> paging as the distribution spec describes it (<c>n</c>, exclusive <c>last</c>).
/// The registry binary (distribution 2.8) ignores <c>n</c> for tags, so a loopback server pages here.
/// </summary>
public sealed class OciPaginationSpecs
{
    private static readonly string[] AllTags =
    [
        .. Enumerable.Range(1, 23).Select(i => $"0.{i}.0"),
        "latest",
        "sha-0a1b2c3",
    ];

    [Theory(Timeout = 20_000)]
    [InlineData("relative")]
    [InlineData("absolute")]
    public async Task Every_next_page_is_followed_whether_the_link_is_relative_or_absolute(string style)
    {
        // Arrange
        var pageSizes = new List<string>();
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            pageSizes.Add(context.Request.Query["n"].ToString());
            return ServePageAsync(context, style);
        });

        // Act
        var tags = await ListTagsAsync(server, pageSize: 4);

        // Assert
        tags.Should().Equal(AllTags.Order(StringComparer.Ordinal));
        server.Requests.Should().Be(7);
        pageSizes[0].Should().Be("4");
    }

    [Fact(Timeout = 20_000)]
    public async Task A_next_link_to_another_origin_is_refused()
    {
        // Arrange
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.Headers.Link = "<http://evil.example/v2/org/chart/tags/list?n=4&last=b>; rel=\"next\"";
            await context.Response.WriteAsJsonAsync(new { name = "org/chart", tags = new[] { "a", "b" } });
        });

        // Act
        var act = () => ListTagsAsync(server, pageSize: 4);

        // Assert
        (await act.Should().ThrowAsync<RegistryException>())
            .Which.Message.Should()
            .Contain("another origin")
            .And.Contain("evil.example")
            .And.Contain(server.Authority);
        server.Requests.Should().Be(1);
    }

    [Fact(Timeout = 20_000)]
    public async Task A_next_link_that_points_back_to_a_seen_page_stops_with_an_error_instead_of_looping()
    {
        // Arrange
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.Headers.Link = "</v2/org/chart/tags/list?n=4>; rel=\"next\"";
            await context.Response.WriteAsJsonAsync(new { name = "org/chart", tags = new[] { "a" } });
        });

        // Act
        var act = () => ListTagsAsync(server, pageSize: 4);

        // Assert
        (await act.Should().ThrowAsync<RegistryException>())
            .Which.Message.Should()
            .Contain("loop");
    }

    [Fact(Timeout = 20_000)]
    public async Task An_answer_that_is_not_a_tag_list_is_reported_as_such()
    {
        // Arrange
        await using var server = await LoopbackServer.StartAsync(context =>
            context.Response.WriteAsync("<html>login</html>")
        );

        // Act
        var act = () => ListTagsAsync(server);

        // Assert
        (await act.Should().ThrowAsync<RegistryException>())
            .Which.Message.Should()
            .Contain("not a tag list")
            .And.Contain(server.Authority);
    }

    /// <summary>Lists the tags of <c>org/chart</c> on <paramref name="server"/>, asking for <paramref name="pageSize"/> a page.</summary>
    private static Task<IReadOnlyList<string>> ListTagsAsync(LoopbackServer server, int pageSize = 1000) =>
        TestHttp
            .OciClient(pageSize: pageSize)
            .ListTagsAsync(OciReference.Parse($"{server.Authority}/org/chart"), CancellationToken.None);

    private static async Task ServePageAsync(HttpContext context, string style)
    {
        var size = int.Parse(context.Request.Query["n"].ToString(), System.Globalization.CultureInfo.InvariantCulture);
        var last = context.Request.Query["last"].ToString();
        var sorted = AllTags.Order(StringComparer.Ordinal).ToList();
        var page = sorted.Where(t => string.CompareOrdinal(t, last) > 0 || last.Length == 0).Take(size).ToList();
        if (page.Count == size && page[^1] != sorted[^1])
        {
            var path = $"/v2/org/chart/tags/list?n={size}&last={Uri.EscapeDataString(page[^1])}";
            var target = style == "absolute" ? $"http://{context.Request.Host}{path}" : path;
            context.Response.Headers.Link = $"<{target}>; rel=\"next\"";
        }

        await context.Response.WriteAsJsonAsync(new { name = "org/chart", tags = page });
    }
}
