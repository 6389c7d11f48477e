using GitOpsRunners.Charts;
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

    [Parameter(
        "Schemas pins every schema the clusters need in .nuke/schemas/ with a lock file (source and sha256 of each), which Validate reads first"
    )]
    bool Lock { get; set; }

    Target Schemas =>
        _ =>
            _.Description(
                    "Write JSON schemas from CustomResourceDefinitions (files, the clusters, or a live cluster) for --schema-location; --lock pins every schema the clusters need"
                )
                .Executes(async ct =>
                {
                    if (Lock)
                    {
                        await WriteSchemaLockAsync(ct);
                        return;
                    }

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

    async Task WriteSchemaLockAsync(CancellationToken ct)
    {
        var tree = Layout;
        using var renderer = CreateRenderer();
        var clusters = await Status.RunAsync("Rendering clusters", token => renderer.RenderAllAsync(tree, token), ct);
        if (clusters.SelectMany(c => c.Findings).FirstOrDefault(f => f.Severity == Severity.Error) is { } error)
        {
            throw new BuildException(
                $"Cannot pin schemas while a cluster does not render: {error}. Fix it (./build.sh Validate shows every problem) and run again."
            );
        }

        var rendered = clusters.SelectMany(c => c.Objects).Select(o => o.Manifest).ToList();
        var crds = rendered.Where(CrdSchemaConverter.IsCrd).Concat(Crds.Length > 0 ? await ReadCrdFilesAsync(ct) : []);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        using var registryHttp = CreateRegistryHttp();
        var charts = await Status.RunAsync(
            "Fetching pinned charts",
            token =>
                ChartLockSchemas.ForAsync(new ChartSchemaSource(CreateChartFetcher(registryHttp)), clusters, token),
            ct
        );
        foreach (var warning in charts.Findings.Where(f => f.Severity >= Severity.Warning))
        {
            Console.MarkupLine($"[yellow]{Markup.Escape(warning.ToString())}[/]");
        }

        var written = await Status.RunAsync(
            "Pinning schemas",
            token =>
                new SchemaLockWriter(SchemaOptions(), http).WriteAsync(
                    tree.Root,
                    rendered,
                    crds,
                    token,
                    charts.Schemas
                ),
            ct
        );
        var missing = written.Entries.Where(e => e.File is null).ToList();
        Console.MarkupLine(
            $"{written.Entries.Count - missing.Count} schema(s) pinned in {SchemaLock.DisplayPath} for Kubernetes {Markup.Escape(written.KubernetesVersion)}"
        );
        foreach (var entry in missing)
        {
            Console.MarkupLine(
                $"[yellow]no schema for {Markup.Escape(entry.Kind)} ({Markup.Escape(entry.ApiVersion)}) in any schema location; Validate reports it as schema-missing unless --ignore-missing-schemas[/]"
            );
        }

        AddNote($"{written.Entries.Count - missing.Count} schemas pinned");
    }

    async Task<IReadOnlyList<Manifest>> RenderedCrdsAsync(CancellationToken ct)
    {
        using var renderer = CreateRenderer();
        var clusters = await renderer.RenderAllAsync(Layout, ct);
        return clusters
            .SelectMany(c => c.Objects)
            .Select(o => o.Manifest)
            .Where(CrdSchemaConverter.IsCrd)
            .GroupBy(m => m.Name)
            .Select(g => g.First())
            .ToList();
    }
}
