namespace GitOpsRunners.Smoke;

/// <summary>
/// A Secret that must exist with <paramref name="Keys"/>; when <paramref name="ArcCredentials"/> it must also hold the keys
/// ARC reads (<c>github_token</c>, or the three GitHub App keys). <paramref name="ProducedBy"/> names the ExternalSecret that writes it.
/// </summary>
public sealed record ExpectedSecret(
    string Namespace,
    string Name,
    IReadOnlyList<string> Keys,
    bool ArcCredentials,
    ObjectKey? ProducedBy = null
)
{
    public string Id => $"Secret/{Namespace}/{Name}";
}
