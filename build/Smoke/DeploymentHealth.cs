namespace GitOpsRunners.Smoke;

/// <summary>Whether a Deployment is available, following kstatus: generation observed, replicas updated and available.</summary>
internal static class DeploymentHealth
{
    public static (CheckState State, string Reason) Evaluate(ClusterObject deployment)
    {
        var wanted = deployment.Long("spec", "replicas") ?? 1;
        var available = deployment.Long("status", "availableReplicas") ?? 0;
        var updated = deployment.Long("status", "updatedReplicas") ?? 0;
        var progressing = deployment.Condition("Progressing");
        if (progressing is { Reason: "ProgressDeadlineExceeded" })
        {
            return (CheckState.Fail, $"rollout stalled: {progressing}");
        }

        if (
            deployment.ObservedGeneration is { } observed
            && deployment.Generation is { } generation
            && observed != generation
        )
        {
            return (CheckState.Pending, $"generation {generation} not observed yet (observed {observed})");
        }

        if (available < wanted || updated < wanted || deployment.Condition("Available") is not { IsTrue: true })
        {
            return (CheckState.Pending, $"{available}/{wanted} replicas available, {updated} updated");
        }

        return (CheckState.Pass, $"{available}/{wanted} replicas available");
    }

    /// <summary>The tag of the first container's image whose name is <paramref name="container"/> (or of the first container).</summary>
    public static string? ImageTag(ClusterObject deployment, string container)
    {
        var containers = deployment.Node("spec", "template", "spec", "containers") is { } node
            ? new ClusterObject(node).Items().ToList()
            : [];
        var chosen = containers.FirstOrDefault(c => c.TryGetProperty("name", out var n) && n.GetString() == container);
        if (chosen.ValueKind == System.Text.Json.JsonValueKind.Undefined)
        {
            chosen = containers.FirstOrDefault();
        }

        var image =
            chosen.ValueKind == System.Text.Json.JsonValueKind.Object && chosen.TryGetProperty("image", out var i)
                ? i.GetString()
                : null;
        if (image is null)
        {
            return null;
        }

        image = image.Split('@')[0];
        var colon = image.LastIndexOf(':');
        return colon > image.LastIndexOf('/') ? image[(colon + 1)..] : null;
    }
}
