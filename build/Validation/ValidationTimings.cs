namespace GitOpsRunners.Validation;

/// <summary>Where one Validate run spent its time (phases overlap: scanning, Renovate and standalone builds run beside rendering).</summary>
public sealed record ValidationTimings(
    TimeSpan Render,
    TimeSpan Scan,
    TimeSpan Schemas,
    TimeSpan Rules,
    TimeSpan Renovate,
    TimeSpan StandaloneBuilds,
    TimeSpan Total,
    int KustomizeInvocations,
    TimeSpan KustomizeBusy
);
