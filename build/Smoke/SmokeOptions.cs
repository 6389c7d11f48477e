namespace GitOpsRunners.Smoke;

/// <summary>
/// How <c>Smoke</c> reaches the cluster and how long it waits.
/// <paramref name="Kubeconfig"/> null means <c>KUBECONFIG</c>, then <c>~/.kube/config</c>, then the in-cluster service account;
/// <paramref name="Revision"/> is the commit every Kustomization must have applied (null skips that check).
/// </summary>
public sealed record SmokeOptions(
    string? Kubeconfig = null,
    string? Context = null,
    string? Revision = null,
    TimeSpan? Timeout = null,
    TimeSpan? PollInterval = null,
    string? JUnitPath = null
)
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan DefaultPollInterval = TimeSpan.FromSeconds(10);

    public TimeSpan EffectiveTimeout => Timeout ?? DefaultTimeout;

    public TimeSpan EffectivePollInterval => PollInterval ?? DefaultPollInterval;
}
