using System.Text.Json.Nodes;

namespace GitOpsRunners.Tests.Fakes.Kubernetes;

/// <summary>External Secrets Operator v1 objects with the controller's condition reasons (<c>Valid</c>, <c>SecretSynced</c>).</summary>
public static class ExternalSecretsFixtures
{
    public static JsonObject ClusterSecretStore(string name) =>
        FixtureObject.Create(
            "external-secrets.io/v1",
            "ClusterSecretStore",
            null,
            name,
            $$"""
             "spec":{"provider":{"azurekv":{"authType":"WorkloadIdentity","vaultUrl":"https://kv-test.vault.azure.net/",
               "serviceAccountRef":{"name":"external-secrets","namespace":"external-secrets"} } } },
             "status":{"capabilities":"ReadWrite",
               "conditions":[{"type":"Ready","status":"True","reason":"Valid","message":"store validated","lastTransitionTime":"2026-08-10T10:00:00Z"}]}
            """
        );

    public static JsonObject Invalid(this JsonObject store) =>
        store.SetCondition("Ready", "False", "InvalidProviderConfig", "unable to create client");

    public static JsonObject ExternalSecret(string ns, string name, string store, string target) =>
        FixtureObject.Create(
            "external-secrets.io/v1",
            "ExternalSecret",
            ns,
            name,
            $$"""
             "spec":{"refreshInterval":"1h","secretStoreRef":{"kind":"ClusterSecretStore","name":"{{store}}"},
               "target":{"name":"{{target}}","creationPolicy":"Owner"},
               "data":[{"secretKey":"github_token","remoteRef":{"key":"gh-flux-aks-token"} }]},
             "status":{"binding":{"name":"{{target}}"},"refreshTime":"2026-08-10T10:00:00Z",
               "syncedResourceVersion":"1-f47fe3c0b255b6dd8047cdffa772587bb829efe7a1cb70febeda2eb2",
               "conditions":[{"type":"Ready","status":"True","reason":"SecretSynced","message":"secret synced","lastTransitionTime":"2026-08-10T10:00:00Z"}]}
            """
        );

    public static JsonObject SyncFailed(this JsonObject externalSecret) =>
        externalSecret.SetCondition("Ready", "False", "SecretSyncedError", "could not get secret data from provider");

    /// <summary>A ClusterExternalSecret that provisioned its ExternalSecret in <paramref name="ns"/> (Ready, no reason, as ESO writes it).</summary>
    public static JsonObject ClusterExternalSecret(string name, string ns, string store, string target) =>
        FixtureObject.Create(
            "external-secrets.io/v1",
            "ClusterExternalSecret",
            null,
            name,
            $$"""
             "spec":{"namespaces":["{{ns}}"],"externalSecretSpec":{"secretStoreRef":{"kind":"ClusterSecretStore","name":"{{store}}"},
               "target":{"name":"{{target}}"},"data":[{"secretKey":"github_token","remoteRef":{"key":"gh-flux-aks-token"} }]} },
             "status":{"externalSecretName":"{{name}}","provisionedNamespaces":["{{ns}}"],
               "conditions":[{"type":"Ready","status":"True"}]}
            """
        );

    /// <summary>The ClusterExternalSecret as ESO reports it when creating its ExternalSecret failed in some namespace.</summary>
    public static JsonObject NamespacesFailed(this JsonObject clusterExternalSecret) =>
        clusterExternalSecret.SetCondition("Ready", "False", "", "one or more namespaces failed");
}
