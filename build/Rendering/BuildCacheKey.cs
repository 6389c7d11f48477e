namespace GitOpsRunners.Rendering;

/// <summary>
/// The cache key of one kustomize build (a SHA-256, lower-case hex), or why the build is not cached
/// (<paramref name="Uncacheable"/>: it reads a URL, leaves the source, pulls a Helm chart, …).
/// </summary>
internal sealed record BuildCacheKey(string? Value, string? Uncacheable)
{
    public static BuildCacheKey Of(string value) => new(value, null);

    public static BuildCacheKey Not(string reason) => new(null, reason);
}
