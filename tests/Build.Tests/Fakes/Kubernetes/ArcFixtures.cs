using System.Text.Json.Nodes;

namespace GitOpsRunners.Tests.Fakes.Kubernetes;

/// <summary>
/// ARC scale-set mode objects as gha-runner-scale-set-controller 0.14 leaves them: the controller Deployment,
/// a registered AutoscalingRunnerSet, its listener Pod (in the controller namespace) and EphemeralRunners.
/// </summary>
public static class ArcFixtures
{
    public static JsonObject Controller(string ns, string name, string version) =>
        CoreFixtures
            .Deployment(ns, name, $"ghcr.io/actions/gha-runner-scale-set-controller:{version}")
            .Label("app.kubernetes.io/part-of", "gha-rs-controller")
            .Label("app.kubernetes.io/name", "gha-rs-controller")
            .Label("app.kubernetes.io/version", version);

    public static JsonObject ScaleSet(
        string ns,
        string name,
        string version,
        int currentRunners,
        string? scaleSetId = "7"
    ) =>
        FixtureObject.Create(
            "actions.github.com/v1alpha1",
            "AutoscalingRunnerSet",
            ns,
            name,
            $$"""
             "metadata":{
               "labels":{"app.kubernetes.io/name":"{{name}}","app.kubernetes.io/version":"{{version}}",
                 "app.kubernetes.io/part-of":"gha-rs","app.kubernetes.io/component":"autoscaling-runner-set",
                 "actions.github.com/scale-set-name":"{{name}}","actions.github.com/scale-set-namespace":"{{ns}}"},
               "annotations":{"actions.github.com/runner-scale-set-name":"{{name}}","actions.github.com/runner-group-name":"Default"} },
             "spec":{"githubConfigUrl":"https://github.com/example/repo","githubConfigSecret":"gha-runner-scale-set-github",
               "runnerScaleSetName":"{{name}}","minRunners":1,"maxRunners":3},
             "status":{"currentRunners":{{currentRunners}},"pendingEphemeralRunners":0,"runningEphemeralRunners":{{currentRunners}},
               "failedEphemeralRunners":0,"phase":"Running"}
            """
        )
            is var set
        && scaleSetId is not null
            ? set.Annotate("runner-scale-set-id", scaleSetId)
            : set;

    /// <summary>The listener pod <c>&lt;scale set&gt;-754b578d-listener</c> in the controller's namespace.</summary>
    public static JsonObject ListenerPod(
        string controllerNs,
        string scaleSetNs,
        string scaleSet,
        string phase = "Running",
        bool ready = true,
        string? waitingReason = null
    ) =>
        CoreFixtures
            .Pod(
                controllerNs,
                $"{scaleSet}-754b578d-listener",
                phase,
                ready,
                waitingReason,
                waitingReason is null ? null : "Back-off pulling image"
            )
            .Label("app.kubernetes.io/component", "runner-scale-set-listener")
            .Label("app.kubernetes.io/part-of", "gha-runner-scale-set")
            .Label("actions.github.com/scale-set-name", scaleSet)
            .Label("actions.github.com/scale-set-namespace", scaleSetNs);

    public static JsonObject EphemeralRunner(
        string ns,
        string scaleSet,
        string suffix,
        string phase = "Running",
        string? reason = null,
        string? message = null
    ) =>
        FixtureObject.Create(
            "actions.github.com/v1alpha1",
            "EphemeralRunner",
            ns,
            $"{scaleSet}-6d4pr-runner-{suffix}",
            $$"""
                 "metadata":{
                   "labels":{"app.kubernetes.io/component":"runner","actions.github.com/scale-set-name":"{{scaleSet}}","actions.github.com/scale-set-namespace":"{{ns}}"} },
                 "spec":{"githubConfigUrl":"https://github.com/example/repo","githubConfigSecret":"gha-runner-scale-set-github","runnerScaleSetId":7},
                 "status":{"phase":"{{phase}}","ready":{{(
                    phase == "Running" ? "true" : "false"
                )}},"runnerId":42,"runnerName":"{{scaleSet}}-6d4pr-runner-{{suffix}}",
                   "reason":{{JsonValue.Create(reason ?? "").ToJsonString()}},"message":{{JsonValue.Create(
                    message ?? ""
                ).ToJsonString()}} }
                """
        );
}
