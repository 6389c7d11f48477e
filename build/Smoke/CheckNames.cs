namespace GitOpsRunners.Smoke;

/// <summary>The names of the smoke checks, in report order.</summary>
public static class CheckNames
{
    public const string FluxCrd = "Flux CRD";
    public const string FluxController = "Flux controller";
    public const string Source = "Flux source";
    public const string Kustomization = "Kustomization";
    public const string HelmRelease = "HelmRelease";
    public const string Orphan = "Not in repository";
    public const string SecretStore = "ClusterSecretStore";
    public const string ExternalSecret = "ExternalSecret";
    public const string Secret = "Secret keys";
    public const string ArcController = "ARC controller";
    public const string ScaleSet = "Scale set";
    public const string ArcVersion = "ARC version";
    public const string Listener = "Listener";
    public const string Runners = "Runners";
}
