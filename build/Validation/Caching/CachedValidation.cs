using GitOpsRunners.Diagnostics;

namespace GitOpsRunners.Validation.Caching;

/// <summary>
/// One stored Validate answer: the report, and the inputs it was computed from — the repository's files as they were
/// before the run began, and the files outside the repository it read (path and SHA-256, or null for one it looked
/// for and did not find).
/// </summary>
public sealed record CachedValidation(
    DateTime TakenUtc,
    IReadOnlyList<InputFile> Files,
    IReadOnlyList<InputFile> External,
    IReadOnlyList<string> Clusters,
    int ObjectCount,
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<RuleDescriptor>? Rules
);
