namespace GitOpsRunners.Smoke;

/// <summary>How a dispatched workflow run ended: its id, <c>conclusion</c> (<c>success</c>, <c>failure</c>, … or null when it timed out) and web address.</summary>
public sealed record WorkflowRunResult(long RunId, string? Conclusion, Uri? HtmlUrl)
{
    public bool Succeeded => Conclusion == "success";
}
