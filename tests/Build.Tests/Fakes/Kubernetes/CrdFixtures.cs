using System.Text.Json.Nodes;

namespace GitOpsRunners.Tests.Fakes.Kubernetes;

/// <summary>CustomResourceDefinitions of Flux, External Secrets and ARC, with the versions each one serves.</summary>
public static class CrdFixtures
{
    public static JsonObject Crd(
        string group,
        string kind,
        string plural,
        string[] versions,
        bool namespaced = true,
        string[]? shortNames = null,
        string? partOf = null
    )
    {
        var crd = new JsonObject
        {
            ["apiVersion"] = "apiextensions.k8s.io/v1",
            ["kind"] = "CustomResourceDefinition",
            ["metadata"] = new JsonObject { ["name"] = $"{plural}.{group}", ["labels"] = new JsonObject() },
            ["spec"] = new JsonObject
            {
                ["group"] = group,
                ["scope"] = namespaced ? "Namespaced" : "Cluster",
                ["names"] = new JsonObject
                {
                    ["kind"] = kind,
                    ["listKind"] = kind + "List",
                    ["plural"] = plural,
                    ["singular"] = kind.ToLowerInvariant(),
                    ["shortNames"] = new JsonArray(
                        (shortNames ?? []).Select(s => (JsonNode)JsonValue.Create(s)!).ToArray()
                    ),
                },
                ["versions"] = new JsonArray(
                    versions
                        .Select(
                            (v, i) =>
                                (JsonNode)
                                    new JsonObject
                                    {
                                        ["name"] = v,
                                        ["served"] = true,
                                        ["storage"] = i == versions.Length - 1,
                                    }
                        )
                        .ToArray()
                ),
            },
            ["status"] = new JsonObject { ["storedVersions"] = new JsonArray(versions[^1]) },
        };
        if (partOf is not null)
        {
            crd.Label("app.kubernetes.io/part-of", partOf).Label("app.kubernetes.io/version", "v2.9.4");
        }

        return crd;
    }

    /// <summary>The Flux v2.9 CRDs the smoke checks read.</summary>
    public static IEnumerable<JsonObject> Flux() =>
        [
            Crd(
                "kustomize.toolkit.fluxcd.io",
                "Kustomization",
                "kustomizations",
                ["v1"],
                shortNames: ["ks"],
                partOf: "flux"
            ),
            Crd("helm.toolkit.fluxcd.io", "HelmRelease", "helmreleases", ["v2"], shortNames: ["hr"], partOf: "flux"),
            Crd(
                "source.toolkit.fluxcd.io",
                "GitRepository",
                "gitrepositories",
                ["v1"],
                shortNames: ["gitrepo"],
                partOf: "flux"
            ),
            Crd(
                "source.toolkit.fluxcd.io",
                "OCIRepository",
                "ocirepositories",
                ["v1"],
                shortNames: ["ocirepo"],
                partOf: "flux"
            ),
            Crd(
                "source.toolkit.fluxcd.io",
                "HelmRepository",
                "helmrepositories",
                ["v1"],
                shortNames: ["helmrepo"],
                partOf: "flux"
            ),
            Crd("notification.toolkit.fluxcd.io", "Alert", "alerts", ["v1beta3"], partOf: "flux"),
            Crd("notification.toolkit.fluxcd.io", "Provider", "providers", ["v1beta3"], partOf: "flux"),
        ];

    public static IEnumerable<JsonObject> ExternalSecrets() =>
        [
            Crd("external-secrets.io", "ExternalSecret", "externalsecrets", ["v1"], shortNames: ["es"]),
            Crd(
                "external-secrets.io",
                "ClusterSecretStore",
                "clustersecretstores",
                ["v1"],
                namespaced: false,
                shortNames: ["css"]
            ),
            Crd("external-secrets.io", "SecretStore", "secretstores", ["v1"], shortNames: ["ss"]),
        ];

    public static IEnumerable<JsonObject> Arc() =>
        [
            Crd("actions.github.com", "AutoscalingRunnerSet", "autoscalingrunnersets", ["v1alpha1"]),
            Crd("actions.github.com", "AutoscalingListener", "autoscalinglisteners", ["v1alpha1"]),
            Crd("actions.github.com", "EphemeralRunnerSet", "ephemeralrunnersets", ["v1alpha1"]),
            Crd("actions.github.com", "EphemeralRunner", "ephemeralrunners", ["v1alpha1"]),
        ];
}
