using GitOpsRunners.Manifests;

namespace GitOpsRunners.Smoke;

/// <summary>Flux installed (CRDs, controllers), the repository's Kustomizations, HelmReleases and sources, and leftovers.</summary>
internal static class FluxHealth
{
    public static IEnumerable<CheckResult> Installation(SmokeExpectations expected, ClusterSnapshot snapshot)
    {
        foreach (var crd in expected.Crds)
        {
            yield return snapshot.Crds.TryGetValue(crd.Name, out var served)
                ? served.Contains(crd.Version)
                    ? CheckResult.Pass(CheckNames.FluxCrd, crd.Name, $"serves {crd.Version}")
                    : CheckResult.Fail(
                        CheckNames.FluxCrd,
                        crd.Name,
                        $"serves [{string.Join(", ", served)}] but the repository uses {crd.Group}/{crd.Version} {crd.Kind}; upgrade Flux"
                    )
                : CheckResult.Fail(
                    CheckNames.FluxCrd,
                    crd.Name,
                    "CRD is not installed; install or bootstrap Flux on this cluster"
                );
        }

        foreach (var controller in expected.FluxControllers)
        {
            var id = $"Deployment/{expected.FluxNamespace}/{controller}";
            var deployment = snapshot
                .OfKind("Deployment", expected.FluxNamespace)
                .FirstOrDefault(d => d.Name == controller);
            if (deployment is null)
            {
                yield return CheckResult.Fail(
                    CheckNames.FluxController,
                    id,
                    $"not found in namespace {expected.FluxNamespace}"
                );
                continue;
            }

            var (state, reason) = DeploymentHealth.Evaluate(deployment);
            yield return new CheckResult(CheckNames.FluxController, state, reason, id);
        }
    }

    public static IEnumerable<CheckResult> Objects(SmokeExpectations expected, ClusterSnapshot snapshot)
    {
        foreach (var source in expected.Sources)
        {
            yield return Source(source.Key, snapshot);
        }

        foreach (var kustomization in expected.Kustomizations)
        {
            yield return Kustomization(kustomization, expected.Revision, snapshot);
        }

        foreach (var release in expected.HelmReleases)
        {
            yield return HelmRelease(release, snapshot);
        }
    }

    public static CheckResult Kustomization(
        ExpectedKustomization expected,
        string? revision,
        ClusterSnapshot snapshot
    ) =>
        FluxObjectHealth.Check(
            CheckNames.Kustomization,
            expected.Key,
            snapshot,
            found => Applied(expected, revision, found)
        );

    public static CheckResult HelmRelease(ExpectedHelmRelease expected, ClusterSnapshot snapshot) =>
        FluxObjectHealth.Check(CheckNames.HelmRelease, expected.Key, snapshot, found => Deployed(expected, found));

    public static CheckResult Source(ObjectKey key, ClusterSnapshot snapshot)
    {
        if (snapshot.Find(key) is not { } found)
        {
            return FluxObjectHealth.Missing(CheckNames.Source, key, snapshot);
        }

        if (found.Kind == "HelmRepository" && found.Str("spec", "type") == "oci" && !found.Suspended)
        {
            return CheckResult.Pass(CheckNames.Source, found.Id, "OCI HelmRepository (no status)");
        }

        return FluxObjectHealth.Evaluate(CheckNames.Source, found)
            ?? CheckResult.Pass(
                CheckNames.Source,
                found.Id,
                $"artifact {Display(found.Str("status", "artifact", "revision") ?? "ready")}"
            );
    }

    /// <summary>
    /// Flux objects in the cluster that a Kustomization applied but the repository no longer defines. Pending while the managing
    /// Kustomization has not applied the expected revision (pruning may still remove them), failing afterwards.
    /// </summary>
    public static IEnumerable<CheckResult> Orphans(
        SmokeExpectations expected,
        ClusterSnapshot snapshot,
        IReadOnlyList<CheckResult> kustomizations
    )
    {
        var known = expected
            .Kustomizations.Select(k => k.Key.Id)
            .Concat(expected.HelmReleases.Select(h => h.Key.Id))
            .Concat(expected.Sources.Select(s => s.Key.Id))
            .ToHashSet(StringComparer.Ordinal);
        var fluxKinds = KubernetesApi
            .SourceKinds.Append("Kustomization")
            .Append("HelmRelease")
            .ToHashSet(StringComparer.Ordinal);
        foreach (
            var found in snapshot.Objects.Where(o =>
                fluxKinds.Contains(o.Kind) && KubernetesApi.IsFluxGroup(o.ApiVersion.Split('/')[0])
            )
        )
        {
            if (
                known.Contains(found.Id)
                || found.Label(KubernetesApi.KustomizationNameLabel) is not { } owner
                || (found.Name == "flux-system" && found.Namespace == expected.FluxNamespace)
            )
            {
                continue;
            }

            var ownerNs = found.Label(KubernetesApi.KustomizationNamespaceLabel) ?? expected.FluxNamespace;
            var ownerId = $"Kustomization/{ownerNs}/{owner}";
            var ownerDone = kustomizations.FirstOrDefault(k => k.Object == ownerId) is { } ownerCheck
                ? ownerCheck.State == CheckState.Pass
                : Kustomization(
                    new ExpectedKustomization(
                        ObjectKey.For($"{KubernetesApi.KustomizeGroup}/v1", "Kustomization", ownerNs, owner),
                        true
                    ),
                    expected.Revision,
                    snapshot
                ).State == CheckState.Pass;
            var reason = $"applied by {ownerId} but no longer defined by the repository";
            yield return ownerDone
                ? CheckResult.Fail(CheckNames.Orphan, found.Id, $"{reason}; enable prune on {ownerId} or delete it")
                : CheckResult.Pending(CheckNames.Orphan, found.Id, $"{reason}; waiting for {ownerId} to prune it");
        }
    }

    /// <summary>A Ready Kustomization: passing once it applied <paramref name="revision"/> (when it tracks it).</summary>
    private static CheckResult Applied(ExpectedKustomization expected, string? revision, ClusterObject found)
    {
        var applied = found.Str("status", "lastAppliedRevision") ?? "";
        if (
            expected.TracksRevision
            && revision is not null
            && !applied.Contains(revision, StringComparison.OrdinalIgnoreCase)
        )
        {
            return CheckResult.Pending(
                CheckNames.Kustomization,
                found.Id,
                $"applied {Display(applied)}, waiting for {revision}"
            );
        }

        return CheckResult.Pass(CheckNames.Kustomization, found.Id, $"applied {Display(applied)}");
    }

    /// <summary>A Ready HelmRelease: passing once its latest release is deployed at the pinned chart version.</summary>
    private static CheckResult Deployed(ExpectedHelmRelease expected, ClusterObject found)
    {
        var latest = found.Items("status", "history").FirstOrDefault();
        var entry = latest.ValueKind == System.Text.Json.JsonValueKind.Object ? new ClusterObject(latest) : null;
        var status = entry?.Str("status");
        var chart = $"{entry?.Str("chartName") ?? expected.ChartName}@{entry?.Str("chartVersion")}";
        if (status != "deployed")
        {
            return CheckResult.Pending(
                CheckNames.HelmRelease,
                found.Id,
                status is null ? "no release in status.history yet" : $"latest release {chart} is {status}"
            );
        }

        var deployed = (entry!.Str("chartVersion") ?? "").Split('+')[0].TrimStart('v');
        if (expected.ChartVersion is { } pinned && deployed != pinned.TrimStart('v'))
        {
            return CheckResult.Pending(
                CheckNames.HelmRelease,
                found.Id,
                $"deployed {chart}, the repository pins {pinned}"
            );
        }

        return CheckResult.Pass(CheckNames.HelmRelease, found.Id, $"deployed {chart}");
    }

    /// <summary><c>main@sha1:</c> and the first 12 hex digits, like the short revisions <c>flux get</c> prints.</summary>
    private static string Display(string revision)
    {
        var colon = revision.LastIndexOf(':');
        return colon >= 0 && revision.Length - colon - 1 > 12 ? revision[..(colon + 13)] : revision;
    }
}
