using GitOpsRunners.Diagnostics;
using GitOpsRunners.Engine;
using GitOpsRunners.Rendering;
using GitOpsRunners.Tools;
using Spectre.Console;

namespace GitOpsRunners;

sealed partial class Build
{
    Target Render =>
        _ =>
            _.Description("Write one cluster as Flux would apply it (YAML, each object with its source file:line)")
                .Requires(() => Cluster)
                .Executes(async ct =>
                {
                    using var renderer = CreateRenderer();
                    var cluster = await renderer.RenderAsync(Layout, Cluster!, ct);
                    foreach (var finding in cluster.Findings)
                    {
                        Console.MarkupLine(Spectre.Console.Markup.Escape(finding.ToString()));
                    }

                    await Sink.WriteAsync(
                        RenderedClusterWriter.ToYaml(cluster),
                        $"{cluster.Objects.Count} objects",
                        ct
                    );

                    if (cluster.Findings.Any(f => f.Severity == Diagnostics.Severity.Error))
                    {
                        throw new BuildException(
                            $"Rendering {Cluster} produced {cluster.Findings.Count(f => f.Severity == Diagnostics.Severity.Error)} error(s); see above."
                        );
                    }
                });
}
