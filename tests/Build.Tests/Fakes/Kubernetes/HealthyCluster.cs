using System.Text.Json.Nodes;
using GitOpsRunners.Smoke;

namespace GitOpsRunners.Tests.Fakes.Kubernetes;

/// <summary>The objects a healthy cluster would hold for the given expectations, every one Ready at <c>commit</c>.</summary>
public static class HealthyCluster
{
    public static List<JsonObject> From(SmokeExpectations expected, string commit)
    {
        var objects = CrdFixtures.Flux().Concat(CrdFixtures.ExternalSecrets()).Concat(CrdFixtures.Arc()).ToList();
        objects.AddRange(
            expected.FluxControllers.Select(c =>
                CoreFixtures
                    .Deployment(expected.FluxNamespace, c, $"ghcr.io/fluxcd/{c}:v1.9.4")
                    .Label("app.kubernetes.io/part-of", "flux")
            )
        );
        objects.Add(FluxFixtures.GitRepository(expected.FluxNamespace, "flux-system", commit));
        objects.AddRange(
            expected.Kustomizations.Select(k => FluxFixtures.Kustomization(k.Key.Namespace!, k.Key.Name, commit))
        );
        objects.AddRange(
            expected.HelmReleases.Select(h =>
                FluxFixtures.HelmRelease(
                    h.Key.Namespace!,
                    h.Key.Name,
                    h.ChartName ?? h.Key.Name,
                    h.ChartVersion ?? "0.0.0"
                )
            )
        );
        foreach (
            var source in expected
                .Sources.Select(s => s.Key)
                .Where(s => !(s.Kind == "GitRepository" && s.Name == "flux-system"))
        )
        {
            objects.Add(
                source.Kind switch
                {
                    "OCIRepository" => FluxFixtures.OciRepository(source.Namespace!, source.Name, "0.0.0"),
                    "GitRepository" => FluxFixtures.GitRepository(source.Namespace!, source.Name, commit),
                    _ => FluxFixtures.HelmRepository(source.Namespace!, source.Name),
                }
            );
        }

        objects.AddRange(
            expected.ClusterSecretStores.Select(s => ExternalSecretsFixtures.ClusterSecretStore(s.Key.Name))
        );
        objects.AddRange(
            expected.ExternalSecrets.Select(e =>
                ExternalSecretsFixtures.ExternalSecret(e.Key.Namespace!, e.Key.Name, "azurekv", e.Key.Name)
            )
        );
        objects.AddRange(
            expected.Secrets.Select(s =>
                CoreFixtures.Secret(
                    s.Namespace,
                    s.Name,
                    [.. s.Keys.DefaultIfEmpty(s.ArcCredentials ? "github_token" : "value")]
                )
            )
        );
        objects.AddRange(
            expected.ArcControllers.Select(c =>
                ArcFixtures.Controller(c.Namespace, c.DeploymentName, c.ChartVersion ?? "0.0.0")
            )
        );
        foreach (var scaleSet in expected.ScaleSets)
        {
            objects.Add(
                ArcFixtures.ScaleSet(
                    scaleSet.Namespace,
                    scaleSet.Name,
                    scaleSet.ChartVersion ?? "0.0.0",
                    currentRunners: scaleSet.MinRunners
                )
            );
            objects.Add(
                ArcFixtures.ListenerPod(
                    scaleSet.ControllerNamespace ?? scaleSet.Namespace,
                    scaleSet.Namespace,
                    scaleSet.Name
                )
            );
            objects.AddRange(
                Enumerable
                    .Range(0, scaleSet.MinRunners)
                    .Select(i => ArcFixtures.EphemeralRunner(scaleSet.Namespace, scaleSet.Name, $"r{i:D4}"))
            );
        }

        return objects;
    }
}
