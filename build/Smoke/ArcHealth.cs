using GitOpsRunners.Manifests;
using NuGet.Versioning;

namespace GitOpsRunners.Smoke;

/// <summary>
/// ARC in scale-set mode: the controller Deployment, and for each AutoscalingRunnerSet its registration with GitHub, phase,
/// version against the controller's (major.minor), its listener pod (in the controller's namespace) and its runners.
/// </summary>
internal static class ArcHealth
{
    private const string ScaleSetIdAnnotation = "runner-scale-set-id";
    private const string VersionLabel = "app.kubernetes.io/version";
    private const string ScaleSetNameLabel = KubernetesApi.ArcGroup + "/scale-set-name";
    private const string ScaleSetNamespaceLabel = KubernetesApi.ArcGroup + "/scale-set-namespace";

    public static IEnumerable<CheckResult> Evaluate(SmokeExpectations expected, ClusterSnapshot snapshot)
    {
        foreach (var controller in expected.ArcControllers)
        {
            yield return Controller(controller, snapshot);
        }

        foreach (var scaleSet in expected.ScaleSets)
        {
            var controller = Deployment(
                expected.ArcControllers.FirstOrDefault(c => c.Namespace == scaleSet.ControllerNamespace),
                snapshot
            );
            var found = snapshot
                .OfKind("AutoscalingRunnerSet", scaleSet.Namespace)
                .FirstOrDefault(a => a.Name == scaleSet.Name);
            if (found is null)
            {
                yield return CheckResult.Pending(
                    CheckNames.ScaleSet,
                    scaleSet.Id,
                    "not found; if its HelmRelease is Ready, the controller deletes scale sets whose version differs from its own"
                );
                continue;
            }

            yield return ScaleSet(found);
            yield return Version(found, controller);
            yield return Listener(scaleSet, found, snapshot);
            yield return Runners(scaleSet, found, snapshot);
        }
    }

    private static ClusterObject? Deployment(ExpectedArcController? expected, ClusterSnapshot snapshot) =>
        expected is null
            ? null
            : snapshot.OfKind("Deployment", expected.Namespace).FirstOrDefault(d => d.Name == expected.DeploymentName)
                ?? snapshot
                    .OfKind("Deployment", expected.Namespace)
                    .FirstOrDefault(d => d.Label("app.kubernetes.io/part-of") == "gha-rs-controller");

    private static CheckResult Controller(ExpectedArcController expected, ClusterSnapshot snapshot)
    {
        if (Deployment(expected, snapshot) is not { } deployment)
        {
            return CheckResult.Pending(
                CheckNames.ArcController,
                expected.Id,
                $"no gha-rs-controller Deployment in namespace {expected.Namespace}"
            );
        }

        var (state, reason) = DeploymentHealth.Evaluate(deployment);
        return new CheckResult(
            CheckNames.ArcController,
            state,
            $"{reason}, version {ControllerVersion(deployment) ?? "unknown"}",
            $"Deployment/{deployment.Namespace}/{deployment.Name}"
        );
    }

    private static CheckResult ScaleSet(ClusterObject found)
    {
        if (found.IsDeleting)
        {
            return CheckResult.Fail(
                CheckNames.ScaleSet,
                found.Id,
                "is being deleted; the controller deletes scale sets whose version differs from its own in major.minor"
            );
        }

        if (!found.Annotations.TryGetValue(ScaleSetIdAnnotation, out var id))
        {
            return CheckResult.Pending(
                CheckNames.ScaleSet,
                found.Id,
                $"not registered with GitHub (no {ScaleSetIdAnnotation} annotation); check githubConfigUrl and the githubConfigSecret credentials"
            );
        }

        var phase = found.Str("status", "phase") ?? found.Str("status", "state");
        return phase == "Outdated"
            ? CheckResult.Fail(
                CheckNames.ScaleSet,
                found.Id,
                "phase Outdated: GitHub rejects the runner version; update the runner image"
            )
            : CheckResult.Pass(
                CheckNames.ScaleSet,
                found.Id,
                $"registered as scale set {id}" + (phase is null ? "" : $", phase {phase}")
            );
    }

    private static CheckResult Version(ClusterObject scaleSet, ClusterObject? controller)
    {
        var mine = scaleSet.Label(VersionLabel);
        var theirs = controller is null ? null : ControllerVersion(controller);
        if (mine is null || theirs is null)
        {
            return CheckResult.Pending(
                CheckNames.ArcVersion,
                scaleSet.Id,
                $"cannot compare versions yet (scale set {mine ?? "unknown"}, controller {theirs ?? "unknown"})"
            );
        }

        return MajorMinor(mine) == MajorMinor(theirs) && MajorMinor(mine) is not null
            ? CheckResult.Pass(CheckNames.ArcVersion, scaleSet.Id, $"scale set {mine}, controller {theirs}")
            : CheckResult.Fail(
                CheckNames.ArcVersion,
                scaleSet.Id,
                $"scale set {mine} but controller {theirs}: major.minor must match or the controller deletes the scale set; move both charts together"
            );
    }

    private static CheckResult Listener(ExpectedScaleSet expected, ClusterObject scaleSet, ClusterSnapshot snapshot)
    {
        var ns = expected.ControllerNamespace ?? expected.Namespace;
        var pods = snapshot
            .OfKind("Pod", ns)
            .Where(p =>
                p.Label(ScaleSetNameLabel) == expected.Name
                && (p.Label(ScaleSetNamespaceLabel) ?? expected.Namespace) == expected.Namespace
            )
            .Where(p => p.Label("app.kubernetes.io/component") is null or "runner-scale-set-listener")
            .ToList();
        if (pods.Count == 0)
        {
            return CheckResult.Pending(CheckNames.Listener, scaleSet.Id, $"no listener pod in namespace {ns}");
        }

        var pod = pods.FirstOrDefault(p => p.Str("status", "phase") == "Running") ?? pods[0];
        var phase = pod.Str("status", "phase") ?? "Unknown";
        var podId = $"Pod/{pod.Namespace}/{pod.Name}";
        return phase switch
        {
            "Running" when pod.Condition("Ready") is not { IsTrue: false } => CheckResult.Pass(
                CheckNames.Listener,
                podId,
                "Running"
            ),
            "Failed" => CheckResult.Fail(CheckNames.Listener, podId, $"Failed{Detail(pod)}"),
            _ => CheckResult.Pending(CheckNames.Listener, podId, $"{phase}{Detail(pod)}"),
        };
    }

    private static CheckResult Runners(ExpectedScaleSet expected, ClusterObject scaleSet, ClusterSnapshot snapshot)
    {
        var runners = snapshot
            .OfKind("EphemeralRunner", expected.Namespace)
            .Where(r =>
                r.Label(ScaleSetNameLabel) is { } set
                    ? set == expected.Name
                    : r.Name.StartsWith(expected.Name + "-", StringComparison.Ordinal)
            )
            .ToList();
        var failed = runners.Where(r => r.Str("status", "phase") == "Failed").ToList();
        if (failed.Count > 0)
        {
            var first = failed[0];
            return CheckResult.Fail(
                CheckNames.Runners,
                scaleSet.Id,
                $"{failed.Count} EphemeralRunner(s) Failed, e.g. {first.Name}: {first.Str("status", "reason")} {first.Str("status", "message")}".TrimEnd()
            );
        }

        var current = scaleSet.Long("status", "currentRunners") ?? runners.Count;
        return current >= expected.MinRunners
            ? CheckResult.Pass(
                CheckNames.Runners,
                scaleSet.Id,
                $"{current} runner(s), minRunners {expected.MinRunners}"
            )
            : CheckResult.Pending(
                CheckNames.Runners,
                scaleSet.Id,
                $"{current} of minRunners {expected.MinRunners} runner(s)"
            );
    }

    private static string? ControllerVersion(ClusterObject deployment) =>
        deployment.Label(VersionLabel) ?? DeploymentHealth.ImageTag(deployment, "manager");

    private static string? MajorMinor(string version) =>
        NuGetVersion.TryParse(version.TrimStart('v'), out var parsed) ? $"{parsed.Major}.{parsed.Minor}" : null;

    private static string Detail(ClusterObject pod)
    {
        var waiting = pod.Items("status", "containerStatuses")
            .Select(c =>
                c.TryGetProperty("state", out var s) && s.TryGetProperty("waiting", out var w)
                    ? new ClusterObject(w)
                    : null
            )
            .OfType<ClusterObject>()
            .Select(w => $"{w.Str("reason")}: {w.Str("message")}".TrimEnd(' ', ':'))
            .FirstOrDefault();
        var reason =
            waiting
            ?? (pod.Str("status", "reason") is { } r ? $"{r}: {pod.Str("status", "message")}".TrimEnd(' ', ':') : null);
        return reason is null ? "" : $" ({reason})";
    }
}
