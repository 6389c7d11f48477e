using System.Net.Http.Headers;
using System.Text;

namespace GitOpsRunners.Versions.Registries;

/// <summary>
/// A user name and password (or token) for one registry. <see cref="Source"/> names the environment
/// variables they came from, for messages; <see cref="ToString"/> never shows the password.
/// </summary>
public sealed record RegistryCredentials(string Username, string Password, string Source)
{
    public override string ToString() => $"{Username} (from {Source})";

    /// <summary>
    /// The <c>Authorization: Basic</c> header for a request to <paramref name="target"/>; refused over plain http
    /// to anything but loopback, so that the password never crosses the network in clear text.
    /// </summary>
    public AuthenticationHeaderValue BasicFor(Uri target, string registry)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (target.Scheme != Uri.UriSchemeHttps && !OciReference.IsLoopback(target.Authority))
            throw new RegistryException(
                registry,
                $"{registry}: refusing to send the credentials from {Source} over plain http to {target.Authority}."
            );
        return new AuthenticationHeaderValue(
            "Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Username}:{Password}"))
        );
    }
}
