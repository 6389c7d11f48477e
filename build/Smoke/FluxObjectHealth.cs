namespace GitOpsRunners.Smoke;

/// <summary>
/// The status rules every Flux object shares, in kstatus order: suspended, deleting, Stalled, generation not observed,
/// Reconciling, then the Ready condition. Returns null when Ready=True so the caller can add kind-specific checks.
/// </summary>
internal static class FluxObjectHealth
{
    /// <summary>Ready=False reasons that mean "still on its way", not "broken".</summary>
    private static readonly HashSet<string> ProgressingReasons = new(StringComparer.Ordinal)
    {
        "Progressing",
        "ProgressingWithRetry",
        "DependencyNotReady",
        "ArtifactFailed",
        "Reconciling",
    };

    public static CheckResult? Evaluate(string check, ClusterObject found)
    {
        if (found.Suspended)
        {
            return CheckResult.Fail(
                check,
                found.Id,
                $"suspended (spec.suspend: true); its status is stale until it is resumed: flux resume {found.Kind.ToLowerInvariant()} {found.Name} -n {found.Namespace}"
            );
        }

        if (found.IsDeleting)
        {
            return CheckResult.Pending(check, found.Id, "is being deleted");
        }

        if (found.Condition("Stalled") is { IsTrue: true } stalled)
        {
            return CheckResult.Fail(check, found.Id, stalled.ToString());
        }

        if (found.ObservedGeneration is var observed && found.Generation is { } generation && observed != generation)
        {
            return CheckResult.Pending(
                check,
                found.Id,
                $"generation {generation} not reconciled yet (observed {observed?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"})"
            );
        }

        if (found.Condition("Reconciling") is { IsTrue: true } reconciling)
        {
            return CheckResult.Pending(check, found.Id, reconciling.ToString());
        }

        return found.Condition("Ready") switch
        {
            null => CheckResult.Pending(check, found.Id, "waiting to be reconciled (no Ready condition)"),
            { IsTrue: true } => null,
            { Status: "False" } ready when ready.Reason is null || !ProgressingReasons.Contains(ready.Reason) =>
                CheckResult.Fail(check, found.Id, ready.ToString()),
            var ready => CheckResult.Pending(check, found.Id, ready.ToString()),
        };
    }

    /// <summary>
    /// The object at <paramref name="key"/> checked by the shared status rules, then by <paramref name="whenReady"/>
    /// once it is Ready; pending while it is missing.
    /// </summary>
    public static CheckResult Check(
        string check,
        ObjectKey key,
        ClusterSnapshot snapshot,
        Func<ClusterObject, CheckResult> whenReady
    ) =>
        snapshot.Find(key) is not { } found
            ? Missing(check, key, snapshot)
            : Evaluate(check, found) ?? whenReady(found);

    public static CheckResult Missing(string check, ObjectKey key, ClusterSnapshot snapshot) =>
        snapshot.IsServed(key)
            ? CheckResult.Pending(check, key.Id, "not found in the cluster")
            : CheckResult.Pending(
                check,
                key.Id,
                $"the cluster does not serve {key.Plural}.{key.Group}/{key.Version} (CRD missing or older)"
            );
}
