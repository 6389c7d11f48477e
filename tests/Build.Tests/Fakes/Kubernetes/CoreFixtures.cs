using System.Text.Json.Nodes;

namespace GitOpsRunners.Tests.Fakes.Kubernetes;

/// <summary>Deployments, Pods, Secrets and Events shaped like the ones a real API server returns.</summary>
public static class CoreFixtures
{
    public static JsonObject Deployment(string ns, string name, string image, int replicas = 1, int available = 1) =>
        FixtureObject.Create(
            "apps/v1",
            "Deployment",
            ns,
            name,
            $$"""
                 "metadata":{"labels":{"app.kubernetes.io/name":"{{name}}"} },
                 "spec":{"replicas":{{replicas}},"selector":{"matchLabels":{"app":"{{name}}"} },
                         "template":{"metadata":{"labels":{"app":"{{name}}"} },"spec":{"containers":[{"name":"manager","image":"{{image}}"}]} } },
                 "status":{"observedGeneration":1,"replicas":{{replicas}},"updatedReplicas":{{replicas}},"readyReplicas":{{available}},"availableReplicas":{{available}},
                   "conditions":[
                     {"type":"Available","status":"{{(available >= replicas ? "True" : "False")}}","reason":"{{(
                    available >= replicas ? "MinimumReplicasAvailable" : "MinimumReplicasUnavailable"
                )}}","message":"Deployment has minimum availability."},
                     {"type":"Progressing","status":"True","reason":"NewReplicaSetAvailable","message":"ReplicaSet \"{{name}}-7d9f8b6c5d\" has successfully progressed."}]}
                """
        );

    public static JsonObject Pod(
        string ns,
        string name,
        string phase,
        bool ready,
        string? waitingReason = null,
        string? waitingMessage = null
    )
    {
        var waiting = waitingReason is null
            ? """{"running":{"startedAt":"2026-08-10T10:00:00Z"}}"""
            : $$"""{"waiting":{"reason":"{{waitingReason}}","message":"{{waitingMessage}}"} }""";
        return JsonNode
            .Parse(
                $$"""
                {"apiVersion":"v1","kind":"Pod",
                 "metadata":{"name":"{{name}}","namespace":"{{ns}}","labels":{} },
                 "spec":{"restartPolicy":"Never","containers":[{"name":"listener","image":"ghcr.io/actions/gha-runner-scale-set-controller:0.14.2"}]},
                 "status":{"phase":"{{phase}}",
                   "conditions":[{"type":"Ready","status":"{{(ready ? "True" : "False")}}"}],
                   "containerStatuses":[{"name":"listener","ready":{{(
                    ready ? "true" : "false"
                )}},"restartCount":0,"state":{{waiting}} }]} }
                """
            )!
            .AsObject();
    }

    /// <summary>A Secret with placeholder values under <paramref name="keys"/>.</summary>
    public static JsonObject Secret(string ns, string name, params string[] keys)
    {
        var data = new JsonObject();
        foreach (var key in keys)
        {
            data[key] = Convert.ToBase64String("not-a-real-value"u8.ToArray());
        }

        return new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Secret",
            ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns },
            ["type"] = "Opaque",
            ["data"] = data,
        };
    }

    public static JsonObject WarningEvent(
        string ns,
        string kind,
        string name,
        string reason,
        string message,
        int count = 1
    ) =>
        JsonNode
            .Parse(
                $$"""
                {"apiVersion":"v1","kind":"Event",
                 "metadata":{"name":"{{name}}.{{Guid.NewGuid().ToString("N")[..16]}}","namespace":"{{ns}}"},
                 "involvedObject":{"kind":"{{kind}}","namespace":"{{ns}}","name":"{{name}}"},
                 "type":"Warning","reason":"{{reason}}","message":{{JsonValue.Create(
                    message
                ).ToJsonString()}},"count":{{count}},
                 "firstTimestamp":"2026-08-10T10:00:00Z","lastTimestamp":"2026-08-10T10:05:00Z",
                 "source":{"component":"fake"} }
                """
            )!
            .AsObject();
}
