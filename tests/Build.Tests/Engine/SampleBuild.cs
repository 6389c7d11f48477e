using GitOpsRunners.Engine;
using GitOpsRunners.Validation.Reports;

namespace GitOpsRunners.Tests.Engine;

/// <summary>A small build used by the engine specs: Restore -> Compile -> Validate, plus Publish and Report.</summary>
internal sealed class SampleBuild : BuildDefinition
{
    public List<string> Ran { get; } = [];

    /// <summary>What Validate does after recording that it ran.</summary>
    public Func<CancellationToken, Task> ValidateWork { get; set; } = _ => Task.CompletedTask;

    [Parameter("Cluster to work on")]
    public string? Cluster { get; set; }

    [Parameter("Kubernetes version to check against")]
    public string KubernetesVersion { get; set; } = "1.36.0";

    [Parameter("Schema folders or URLs")]
    public string[] SchemaLocation { get; set; } = [];

    [Parameter("Publish even without schemas")]
    public bool IgnoreMissingSchemas { get; set; }

    [Parameter("How often to retry")]
    public int Retries { get; set; } = 3;

    [Parameter("Report format")]
    public ReportFormat Format { get; set; } = ReportFormat.Text;

    [Parameter("Token for the GitHub API")]
    [Secret]
    public string? GitHubToken { get; set; }

    Target Restore => _ => _.Description("Restore packages").Executes(() => Ran.Add(nameof(Restore)));

    Target Compile =>
        _ => _.Description("Compile the code").DependsOn(Restore).Executes(() => Ran.Add(nameof(Compile)));

    Target Validate =>
        _ =>
            _.Description("Render every cluster and check it")
                .DependsOn(Compile)
                .Requires(() => Cluster)
                .Executes(async ct =>
                {
                    Ran.Add(nameof(Validate));
                    await ValidateWork(ct);
                });

    Target Publish =>
        _ =>
            _.Description("Publish the results")
                .DependsOn(Compile)
                .OnlyWhen(() => IgnoreMissingSchemas)
                .Executes(() =>
                {
                    Ran.Add(nameof(Publish));
                    AddNote("3 files");
                });

    Target Report =>
        _ =>
            _.Description("Report to GitHub")
                .After(Validate)
                .Requires(() => GitHubToken)
                .Executes(() => Ran.Add(nameof(Report)));
}
