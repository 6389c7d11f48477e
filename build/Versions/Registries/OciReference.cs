using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Text.RegularExpressions;
using GitOpsRunners.Engine;

namespace GitOpsRunners.Versions.Registries;

/// <summary>
/// An OCI repository, optionally with a tag and/or digest: <c>oci://ghcr.io/org/chart</c>,
/// <c>ghcr.io/org/image:1.2.3@sha256:…</c>, <c>docker.io/library/x</c>, <c>nginx</c>, <c>localhost:5000/x</c>.
/// Docker Hub names are normalised to <c>registry-1.docker.io</c> with the <c>library/</c> prefix for
/// official images. <see cref="Scheme"/> is <c>http</c> for loopback registries and <c>https</c> otherwise;
/// change it with <c>with { Scheme = … }</c>.
/// </summary>
public sealed partial record OciReference(string Registry, string Repository, string? Tag = null, string? Digest = null)
{
    public const string DockerHubRegistry = "registry-1.docker.io";

    public string Scheme { get; init; } = IsLoopback(Registry) ? "http" : "https";

    /// <summary><c>scheme://registry/</c>; API paths (<c>v2/…</c>) are relative to it.</summary>
    public Uri BaseUri => new($"{Scheme}://{Registry}/");

    public bool IsDockerHub => Registry == DockerHubRegistry;

    /// <summary>This repository without tag or digest.</summary>
    public OciReference WithoutVersion() => this with { Tag = null, Digest = null };

    public static OciReference Parse(string text) =>
        TryParse(text, out var reference, out var problem)
            ? reference
            : throw new BuildException(
                $"'{text}' is not an OCI reference: {problem}. Expected host/path[:tag][@digest], e.g. oci://ghcr.io/org/chart or ghcr.io/org/image:1.2.3."
            );

    public static bool TryParse(string? text, [NotNullWhen(true)] out OciReference? reference) =>
        TryParse(text, out reference, out _);

    private static bool TryParse(string? text, [NotNullWhen(true)] out OciReference? reference, out string problem)
    {
        reference = null;
        var rest = (text ?? "").Trim();
        if (rest.StartsWith("oci://", StringComparison.OrdinalIgnoreCase))
            rest = rest["oci://".Length..];
        rest = rest.TrimEnd('/');
        if (rest.Length == 0)
        {
            problem = "it is empty";
            return false;
        }

        string? digest = null;
        var at = rest.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            digest = rest[(at + 1)..];
            rest = rest[..at];
            if (!DigestPattern().IsMatch(digest))
            {
                problem = $"the digest '{digest}' is not algorithm:hex";
                return false;
            }
        }

        string? tag = null;
        var colon = rest.LastIndexOf(':');
        if (colon > rest.LastIndexOf('/'))
        {
            tag = rest[(colon + 1)..];
            rest = rest[..colon];
            if (!TagPattern().IsMatch(tag))
            {
                problem = $"the tag '{tag}' is not a valid tag";
                return false;
            }
        }

        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var first = slash < 0 ? rest : rest[..slash];
        var hasRegistry =
            slash > 0
            && (
                first.Contains('.', StringComparison.Ordinal)
                || first.Contains(':', StringComparison.Ordinal)
                || first == "localhost"
            );
        var registry = hasRegistry ? first.ToLowerInvariant() : "docker.io";
        var repository = hasRegistry ? rest[(slash + 1)..] : rest;

        if (registry is "docker.io" or "index.docker.io" or DockerHubRegistry)
        {
            registry = DockerHubRegistry;
            if (!repository.Contains('/', StringComparison.Ordinal))
                repository = "library/" + repository;
        }

        if (!HostPattern().IsMatch(registry))
        {
            problem = $"the registry host '{registry}' is not a host[:port]";
            return false;
        }

        if (!RepositoryPattern().IsMatch(repository))
        {
            problem =
                $"the repository path '{repository}' must be lowercase letters, digits and separators (. _ __ -) between '/'";
            return false;
        }

        reference = new OciReference(registry, repository, tag, digest);
        problem = "";
        return true;
    }

    public override string ToString() =>
        $"{Registry}/{Repository}{(Tag is null ? "" : ":" + Tag)}{(Digest is null ? "" : "@" + Digest)}";

    /// <summary>True for <c>localhost</c>, 127.0.0.0/8 and <c>[::1]</c>, with or without a port.</summary>
    public static bool IsLoopback(string registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var host = registry.StartsWith('[')
            ? registry[1..Math.Max(1, registry.IndexOf(']', StringComparison.Ordinal))]
            : registry.Split(':')[0];
        return host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
    }

    [GeneratedRegex(@"^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$")]
    private static partial Regex RepositoryPattern();

    [GeneratedRegex(
        @"^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:]+\])(?::[0-9]{1,5})?$"
    )]
    private static partial Regex HostPattern();

    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$")]
    internal static partial Regex TagPattern();

    [GeneratedRegex(@"^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]{32,}$")]
    internal static partial Regex DigestPattern();
}
