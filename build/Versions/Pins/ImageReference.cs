namespace GitOpsRunners.Versions.Pins;

/// <summary>A container image reference split into repository (with registry), tag and digest, as written.</summary>
public sealed record ImageReference(string Repository, string? Tag, string? Digest)
{
    public static ImageReference? Parse(string? reference)
    {
        if (
            string.IsNullOrWhiteSpace(reference)
            || reference.Contains(' ', StringComparison.Ordinal)
            || reference.Contains("${", StringComparison.Ordinal)
        )
        {
            return null;
        }

        string? digest = null;
        var name = reference;
        var at = reference.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            digest = reference[(at + 1)..];
            name = reference[..at];
        }

        string? tag = null;
        var colon = name.LastIndexOf(':');
        if (colon > name.LastIndexOf('/'))
        {
            tag = name[(colon + 1)..];
            name = name[..colon];
        }

        return name.Length == 0 || (tag is null && digest is null) ? null : new ImageReference(name, tag, digest);
    }
}
