using GitOpsRunners.Diagnostics;
using GitOpsRunners.Engine;
using GitOpsRunners.Manifests;
using GitOpsRunners.Rendering;
using GitOpsRunners.Smoke;
using GitOpsRunners.Tools;
using GitOpsRunners.Validation.Schemas;
using Spectre.Console;

namespace GitOpsRunners;

sealed partial class Build
{
    [Parameter("CustomResourceDefinition files or folders for Schemas (default: the CRDs the clusters apply)")]
    string[] Crds { get; set; } = [];

    [Parameter("Schemas reads the CustomResourceDefinitions of the live cluster (--kubeconfig, --context)")]
    bool FromCluster { get; set; }

    [Parameter("Folder Schemas writes JSON schemas into")]
    string SchemaOutput { get; set; } = "schemas";

    [Parameter("File layout of Schemas: KindVersion, GroupKindVersion or KubeconformStandalone")]
    CrdSchemaLayout SchemaLayout { get; set; } = CrdSchemaLayout.GroupKindVersion;

    Target Schemas =>
        _ =>
            _.Description(
                    "Write JSON schemas from CustomResourceDefinitions (files, the clusters, or a live cluster) for --schema-location"
                )
                .Executes(async ct =>
                {
                    var crds =
                        FromCluster
                            ? await ClusterCrdReader.ReadAsync(
                                KubernetesConnection.Configure(
                                    new SmokeOptions(Kubeconfig, Context),
                                    Environment.GetEnvironmentVariable
                                ),
                                ct
                            )
                        : Crds.Length > 0 ? await ReadCrdFilesAsync(ct)
                        : await RenderedCrdsAsync(ct);
                    if (crds.Count == 0)
                    {
                        throw new BuildException(
                            "No CustomResourceDefinitions found; pass --crds <file or folder> or --from-cluster."
                        );
                    }

                    var output = UserPath(SchemaOutput);
                    var written = await new CrdSchemaConverter(
                        SchemaLayout,
                        kubernetesVersion: KubernetesVersion
                    ).WriteAsync(crds, output, ct);
                    Console.MarkupLine(
                        $"{written.Count} schema file(s) from {crds.Count} CustomResourceDefinition(s) written to {Markup.Escape(SchemaOutput)}"
                    );
                    Console.MarkupLine(
                        $"[grey]Use them with --schema-location '{Markup.Escape(LocationFor(output))}'[/]"
                    );
                    AddNote($"{written.Count} schemas");
                });

    string LocationFor(string output) =>
        SchemaLayout switch
        {
            CrdSchemaLayout.KindVersion => Path.Combine(output, "{{.ResourceKind}}_{{.ResourceAPIVersion}}.json"),
            CrdSchemaLayout.GroupKindVersion => Path.Combine(
                output,
                "{{.Group}}/{{.ResourceKind}}_{{.ResourceAPIVersion}}.json"
            ),
            _ => output,
        };

    async Task<IReadOnlyList<Manifest>> ReadCrdFilesAsync(CancellationToken ct)
    {
        var manifests = new List<Manifest>();
        foreach (var input in Crds.Select(UserPath))
        {
            if (Directory.Exists(input))
            {
                var scan = await new RepositoryScanner().ScanAsync(input, ct);
                ThrowOnErrors(scan.Findings);
                manifests.AddRange(scan.Manifests.Where(CrdSchemaConverter.IsCrd));
            }
            else if (File.Exists(input))
            {
                var parsed = ManifestParser.Parse(YamlFileLoader.Load(input, Path.GetFileName(input)));
                ThrowOnErrors(parsed.Findings);
                manifests.AddRange(parsed.Manifests.Where(CrdSchemaConverter.IsCrd));
            }
            else
            {
                throw new UsageException($"--crds {input}: no such file or folder.");
            }
        }

        return manifests;
    }

    static void ThrowOnErrors(IEnumerable<Diagnostics.Finding> findings)
    {
        if (findings.FirstOrDefault(f => f.Severity == Diagnostics.Severity.Error) is { } error)
        {
            throw new BuildException(error.ToString());
        }
    }

    async Task<IReadOnlyList<Manifest>> RenderedCrdsAsync(CancellationToken ct)
    {
        using var renderer = new FluxRenderer(KustomizeCli.Locate());
        var clusters = await renderer.RenderAllAsync(FluxTree, ct);
        return clusters
            .SelectMany(c => c.Objects)
            .Select(o => o.Manifest)
            .Where(CrdSchemaConverter.IsCrd)
            .GroupBy(m => m.Name)
            .Select(g => g.First())
            .ToList();
    }
}
