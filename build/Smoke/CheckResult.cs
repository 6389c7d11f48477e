namespace GitOpsRunners.Smoke;

/// <summary>One named check, e.g. <c>Kustomization</c> on <c>Kustomization/flux-system/apps</c>, and why it is in its state.</summary>
public sealed record CheckResult(string Name, CheckState State, string Reason, string? Object = null)
{
    public static CheckResult Pass(string name, string? obj, string reason) => new(name, CheckState.Pass, reason, obj);

    public static CheckResult Pending(string name, string? obj, string reason) =>
        new(name, CheckState.Pending, reason, obj);

    public static CheckResult Fail(string name, string? obj, string reason) => new(name, CheckState.Fail, reason, obj);

    public override string ToString() =>
        $"{State.ToString().ToUpperInvariant()} {Name} {Object} {Reason}".Replace("  ", " ", StringComparison.Ordinal);
}
