namespace GitOpsRunners.Tests.Fakes.GitHub;

/// <summary>A workflow run created by a dispatch; each time runs are listed it moves queued → in_progress → completed.</summary>
public sealed record FakeWorkflowRun(
    long Id,
    string Workflow,
    string Ref,
    IReadOnlyDictionary<string, string> Inputs,
    DateTimeOffset CreatedAt,
    string Status,
    string? Conclusion
);
