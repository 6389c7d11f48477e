namespace GitOpsRunners.Smoke;

/// <summary>
/// <see cref="Pending"/> is still converging (reconciling, generation not observed, older revision) and is worth waiting for;
/// <see cref="Fail"/> will not fix itself (stalled, upgrade failed, invalid store, secret without the needed keys).
/// </summary>
public enum CheckState
{
    Pass,
    Pending,
    Fail,
}
