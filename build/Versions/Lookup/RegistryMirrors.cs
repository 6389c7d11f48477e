using GitOpsRunners.Engine;
using GitOpsRunners.Versions.Registries;

namespace GitOpsRunners.Versions.Lookup;

/// <summary>
/// Where look-ups go instead of the registries the manifests name. A registry mirror maps an OCI registry
/// host to a base URL (<c>ghcr.io=http://127.0.0.1:5000</c>); a path on the base URL is put in front of every
/// repository (<c>ghcr.io=https://harbor.example/ghcr</c> reads <c>ghcr.io/org/x</c> as <c>harbor.example/ghcr/org/x</c>).
/// A Helm repository mirror maps a repository URL prefix to another (<c>https://charts.external-secrets.io=http://127.0.0.1:8080</c>).
/// The manifests are never rewritten: mirrors change only where versions and digests are read.
/// </summary>
public sealed record RegistryMirrors(
    IReadOnlyDictionary<string, Uri> Registries,
    IReadOnlyDictionary<string, Uri> HelmRepositories
)
{
    public static RegistryMirrors None { get; } = new(new Dictionary<string, Uri>(), new Dictionary<string, Uri>());

    /// <summary>Reads <c>from=to</c> entries; <paramref name="registryOption"/> and <paramref name="helmOption"/> name the options in messages.</summary>
    /// <exception cref="UsageException">An entry is not <c>from=to</c> with an http(s) URL on the right.</exception>
    public static RegistryMirrors Parse(
        IEnumerable<string> registryMirrors,
        IEnumerable<string> helmRepositoryMirrors,
        string registryOption = "--registry-mirror",
        string helmOption = "--helm-repository-mirror"
    )
    {
        ArgumentNullException.ThrowIfNull(registryMirrors);
        ArgumentNullException.ThrowIfNull(helmRepositoryMirrors);
        var registries = new Dictionary<string, Uri>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in registryMirrors.Where(e => !string.IsNullOrWhiteSpace(e)))
        {
            var (from, to) = Split(entry, registryOption, "ghcr.io=http://127.0.0.1:5000");
            if (!OciReference.TryParse($"{from}/probe", out var host) || from.Contains('/', StringComparison.Ordinal))
            {
                throw new UsageException(
                    $"{registryOption} {entry}: '{from}' is not a registry host; use e.g. ghcr.io or registry.example:5000."
                );
            }

            registries[host.Registry] = to;
        }

        var helm = new Dictionary<string, Uri>(StringComparer.Ordinal);
        foreach (var entry in helmRepositoryMirrors.Where(e => !string.IsNullOrWhiteSpace(e)))
        {
            var (from, to) = Split(entry, helmOption, "https://charts.external-secrets.io=http://127.0.0.1:8080");
            if (!Uri.TryCreate(from, UriKind.Absolute, out var fromUri) || fromUri.Scheme is not ("http" or "https"))
            {
                throw new UsageException(
                    $"{helmOption} {entry}: '{from}' is not the http(s) URL of a Helm repository."
                );
            }

            helm[Prefix(fromUri)] = to;
        }

        return new RegistryMirrors(registries, helm);
    }

    /// <summary>The reference to contact for <paramref name="reference"/>: itself, or its mirror's host, scheme and path prefix.</summary>
    public OciReference Resolve(OciReference reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        if (!Registries.TryGetValue(reference.Registry, out var mirror))
        {
            return reference;
        }

        var prefix = mirror.AbsolutePath.Trim('/');
        return new OciReference(
            mirror.Authority.ToLowerInvariant(),
            prefix.Length == 0 ? reference.Repository : $"{prefix}/{reference.Repository}",
            reference.Tag,
            reference.Digest
        )
        {
            Scheme = mirror.Scheme,
        };
    }

    /// <summary>The URL to read <paramref name="repository"/>'s index from: itself, or the mirror of its longest matching prefix.</summary>
    public Uri Resolve(Uri repository)
    {
        ArgumentNullException.ThrowIfNull(repository);
        var text = Prefix(repository);
        var match = HelmRepositories
            .Keys.Where(k => text == k || text.StartsWith(k + "/", StringComparison.Ordinal))
            .MaxBy(k => k.Length);
        return match is null
            ? repository
            : new Uri(HelmRepositories[match].AbsoluteUri.TrimEnd('/') + text[match.Length..]);
    }

    /// <summary>The mirror a registry host is read through, for messages; null when there is none.</summary>
    public Uri? MirrorOf(string registry) => Registries.TryGetValue(registry, out var mirror) ? mirror : null;

    private static (string From, Uri To) Split(string entry, string option, string example)
    {
        var equals = entry.IndexOf('=', StringComparison.Ordinal);
        var from = equals > 0 ? entry[..equals].Trim() : "";
        var to = equals > 0 ? entry[(equals + 1)..].Trim() : "";
        if (
            from.Length == 0
            || !Uri.TryCreate(to, UriKind.Absolute, out var target)
            || target.Scheme is not ("http" or "https")
        )
        {
            throw new UsageException(
                $"{option} '{entry}' is not from=to with an http(s) URL after '='; use e.g. {example}."
            );
        }

        return (from, target);
    }

    private static string Prefix(Uri uri) => uri.GetLeftPart(UriPartial.Path).TrimEnd('/');
}
