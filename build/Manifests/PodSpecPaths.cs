namespace GitOpsRunners.Manifests;

/// <summary>Where each workload kind keeps its pod spec.</summary>
public static class PodSpecPaths
{
    public static IReadOnlyDictionary<string, string[]> ByKind { get; } =
        new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            ["Pod"] = ["spec"],
            ["Deployment"] = ["spec", "template", "spec"],
            ["StatefulSet"] = ["spec", "template", "spec"],
            ["DaemonSet"] = ["spec", "template", "spec"],
            ["ReplicaSet"] = ["spec", "template", "spec"],
            ["Job"] = ["spec", "template", "spec"],
            ["CronJob"] = ["spec", "jobTemplate", "spec", "template", "spec"],
        };
}
