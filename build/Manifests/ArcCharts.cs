namespace GitOpsRunners.Manifests;

/// <summary>The two Helm charts of Actions Runner Controller in scale-set mode, which are always released together.</summary>
public static class ArcCharts
{
    public const string Controller = "gha-runner-scale-set-controller";
    public const string ScaleSet = "gha-runner-scale-set";
}
