namespace GitOpsRunners.Git;

/// <summary>Who a commit is from. <paramref name="When"/> defaults to now; tests pin it.</summary>
public sealed record GitAuthor(string Name, string Email, DateTimeOffset? When = null);
