using GitOpsRunners.Rendering;
using GitOpsRunners.Smoke;
using GitOpsRunners.Validation;

namespace GitOpsRunners.Promotion;

/// <summary>
/// What a promotion runs besides itself, configured by the build: a renderer, Validate of a cluster in a tree
/// (cluster, repository root), the Smoke checks of a cluster for the health gate, and the clock of the soak gate.
/// </summary>
public sealed record PromotionChecks(
    Func<FluxRenderer> Renderer,
    Func<string, string, CancellationToken, Task<ValidationResult>> Validate,
    Func<string, CancellationToken, Task<SmokeReport>> Health,
    TimeProvider Clock
);
