namespace GitOpsRunners.Rendering;

/// <summary>How <see cref="FluxRenderer"/> renders.</summary>
public sealed record RenderOptions
{
    public static RenderOptions Default { get; } = new();

    /// <summary>An unset <c>${VAR}</c> without a default is an error (Flux's default since v2.5 / controller v1.9).</summary>
    public bool StrictSubstitution { get; init; } = true;

    /// <summary>Add the <c>kustomize.toolkit.fluxcd.io/name|namespace</c> labels the controller puts on every object.</summary>
    public bool AddFluxOwnerLabels { get; init; } = true;

    /// <summary>kustomize processes run at the same time.</summary>
    public int MaxParallelBuilds { get; init; } = Environment.ProcessorCount;

    /// <summary>Where kustomize build outputs are kept between runs; null builds everything afresh.</summary>
    public KustomizeBuildCache? BuildCache { get; init; }

    /// <summary>Git URLs that mean "this repository" besides the one in a committed gotk-sync.yaml.</summary>
    public IReadOnlyList<string> RepositoryUrls { get; init; } = [];
}
