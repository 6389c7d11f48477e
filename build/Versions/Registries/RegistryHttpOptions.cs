namespace GitOpsRunners.Versions.Registries;

/// <summary>
/// How registry calls are retried. A call is tried at most <see cref="MaxRetryAttempts"/> + 1 times;
/// 5xx, 408, 429, connection failures and attempts slower than <see cref="AttemptTimeout"/> are retried
/// with exponential backoff from <see cref="BaseDelay"/>, or after the server's <c>Retry-After</c>
/// (capped at <see cref="MaxRetryAfter"/>).
/// </summary>
public sealed record RegistryHttpOptions
{
    public int MaxRetryAttempts { get; init; } = 3;

    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(60);

    public bool UseJitter { get; init; } = true;

    public string UserAgent { get; init; } = "gitops-runners-build";

    /// <summary>Counts every request this client sends to the network (retries included), when set.</summary>
    public Engine.NetworkUse? Network { get; init; }

    public int TotalAttempts => MaxRetryAttempts + 1;

    /// <summary>The most one call can take: every attempt to its timeout, and the longest wait between them.</summary>
    public TimeSpan TotalTimeout => AttemptTimeout * TotalAttempts + MaxRetryAfter * MaxRetryAttempts;
}
