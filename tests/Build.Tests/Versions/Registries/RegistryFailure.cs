using System.Net;
using GitOpsRunners.Versions.Registries;

namespace GitOpsRunners.Tests.Versions.Registries;

/// <summary>The one check every registry failure spec makes: the call fails with this HTTP status and says these things.</summary>
internal static class RegistryFailure
{
    /// <summary>
    /// Asserts <paramref name="act"/> throws a <see cref="RegistryException"/> for <paramref name="status"/> whose
    /// message contains every one of <paramref name="fragments"/>; returns it for further checks.
    /// </summary>
    public static async Task<RegistryException> ShouldFailWithAsync(
        Func<Task> act,
        HttpStatusCode status,
        params string[] fragments
    )
    {
        var error = (await act.Should().ThrowAsync<RegistryException>()).Which;
        error.StatusCode.Should().Be(status);
        error.Message.Should().ContainAll(fragments);
        return error;
    }
}
