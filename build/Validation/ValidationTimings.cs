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
)
{
    /// <summary>True when the report is an earlier run's, reused because nothing it read has changed.</summary>
    public bool ReusedAnswer { get; init; }

    /// <summary>The timings of a run that reused an earlier answer in <paramref name="total"/>.</summary>
    public static ValidationTimings Reused(TimeSpan total) =>
        new(
            TimeSpan.Zero,
            TimeSpan.Zero,
            TimeSpan.Zero,
            TimeSpan.Zero,
            TimeSpan.Zero,
            TimeSpan.Zero,
            total,
            0,
            TimeSpan.Zero
        )
        {
            ReusedAnswer = true,
        };
}
