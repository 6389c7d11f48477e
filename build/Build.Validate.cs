using GitOpsRunners.Charts;
using GitOpsRunners.Diagnostics;
using GitOpsRunners.Engine;
using GitOpsRunners.Tools;
using GitOpsRunners.Validation;
using GitOpsRunners.Validation.Caching;
using GitOpsRunners.Validation.Renovate;
using GitOpsRunners.Validation.Reports;
using GitOpsRunners.Validation.Schemas;
using GitOpsRunners.Versions.Renovate;
using Spectre.Console;

namespace GitOpsRunners;

sealed partial class Build
{
    [Parameter("Kinds (Kind or apiVersion/Kind) whose schema is not checked")]
    string[] SkipKinds { get; set; } = [];

    [Parameter("Kinds (Kind or apiVersion/Kind) that must not appear at all")]
    string[] RejectKinds { get; set; } = [];

    [Parameter("Rule ids to turn off for this run, e.g. policy-image-digest")]
    string[] DisableRules { get; set; } = [];

    [Parameter("Schema validator: builtin, or kubeconform (a kubeconform binary on PATH, same schema locations)")]
    SchemaValidator Validator { get; set; } = SchemaValidator.Builtin;

    [Parameter(
        "Also check that the runner image is not behind actions/runner releases for more than 30 days (asks the GitHub API)"
    )]
    bool CheckRunnerAge { get; set; }

    Target Validate =>
        _ =>
            _.Description(
                    "Render every cluster as Flux would and check YAML, kustomize, schemas, references and policies"
                )
                .Executes(async ct =>
                {
                    var result = await ValidateOrReuseAsync(ct);
                    var report = result.Report;
                    if (result.Timings.ReusedAnswer)
                    {
                        Console.MarkupLine(
                            "[grey]No input changed since an earlier run: its report is shown again (--no-cache checks everything anew).[/]"
                        );
                    }

                    if (Verbosity == Verbosity.Verbose)
                    {
                        Console.MarkupLine($"[grey]{Markup.Escape(result.Timings.ToString())}[/]");
                    }

                    await PublishReportAsync(report, ct);
                    if (report.Errors > 0)
                    {
                        throw new BuildException($"Validate found {report.Errors} error(s): {report.Summary}.");
                    }
                });

    Task<Validation.ValidationResult> RunValidationAsync(string? cluster, CancellationToken ct) =>
        RunValidationAsync(cluster, Layout.Root, ct);

    /// <summary>
    /// Validate of this repository, or the stored answer of an earlier run when nothing it could read has changed
    /// since (see <see cref="ValidationResultCache"/>). Not with <c>--no-cache</c>, kubeconform (another binary's
    /// verdict) or <c>--check-runner-age</c> (a verdict that ages); a run that asked the network is not stored.
    /// </summary>
    async Task<Validation.ValidationResult> ValidateOrReuseAsync(CancellationToken ct)
    {
        if (NoCache || Validator == SchemaValidator.Kubeconform || CheckRunnerAge)
        {
            return await RunValidationAsync(Cluster, ct);
        }

        var store = new Rendering.KustomizeBuildCache(
            Path.Combine(CacheDirectory, "validate"),
            KustomizeCacheSize * 1024L * 1024L / 4
        );
        if (await store.ToolAsync(Kustomize, ct) is not { } tool)
        {
            return await RunValidationAsync(Cluster, ct);
        }

        var root = Layout.Root;
        var schemas = SchemaOptions();
        var cache = new ValidationResultCache(store, root, [CacheDirectory, Path.Combine(root, ".nuke", "temp")]);
        var key = ValidationResultCache.Key([
            typeof(Build).Assembly.ManifestModule.ModuleVersionId.ToString(),
            tool,
            root,
            Layout.KubernetesFolder,
            Cluster ?? "",
            KustomizeTimeout,
            string.Join("\n", schemas.Locations),
            $"{schemas.KubernetesVersion} strict={schemas.Strict} ignore-missing={schemas.IgnoreMissingSchemas}",
            string.Join(",", schemas.Skip.Order(StringComparer.Ordinal)),
            string.Join(",", schemas.Reject.Order(StringComparer.Ordinal)),
            RenovateSchema ?? RenovateSchemaSource.DefaultUrl,
            RenovateSchemaIdentity(RenovateSchema),
            string.Join(",", DisableRules.Order(StringComparer.Ordinal)),
        ]);
        return await cache.ValidateAsync(
            key,
            (network, reads) => RunValidationAsync(Cluster, root, ct, network, reads)
        );
    }

    /// <summary>A local Renovate schema's bytes as a hash (a URL's content is named by the URL and the download cache).</summary>
    static string RenovateSchemaIdentity(string? location) =>
        location is not null && File.Exists(location)
            ? Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(location)))
            : "";

    /// <summary>Validates the tree at <paramref name="repositoryRoot"/> (e.g. an edited copy) with this run's settings.</summary>
    async Task<Validation.ValidationResult> RunValidationAsync(
        string? cluster,
        string repositoryRoot,
        CancellationToken ct,
        NetworkUse? network = null,
        ReadLog? reads = null
    )
    {
        var options = new ValidationOptions(
            repositoryRoot,
            Layout.KubernetesFolder,
            cluster,
            SchemaOptions(),
            RenovateSchema ?? RenovateSchemaSource.DefaultUrl,
            DisableRules.ToHashSet(StringComparer.Ordinal),
            CacheDirectory
        )
        {
            UseKubeconform = Validator == SchemaValidator.Kubeconform,
            RunnerReleases = CheckRunnerAge ? await RunnerReleasesAsync(ct) : null,
            RepositoryRules = FirstStage(repositoryRoot) is { } first ? [new RenovateCommentRule(first)] : [],
            Reads = reads,
        };
        var transport = new SocketsHttpHandler();
        using var http = new HttpClient(network?.Wrap(transport) ?? (HttpMessageHandler)transport)
        {
            Timeout = RequestTimeLimit,
        };
        using var registryHttp = CreateRegistryHttp(network);
        options = options with { ClusterSchemaSource = new ChartSchemaSource(CreateChartFetcher(registryHttp)) };
        using var renderer = CreateRenderer();
        var pipeline = new ValidationPipeline(Kustomize, http, renderer);
        return await Status.RunAsync("Rendering and checking clusters", token => pipeline.RunAsync(options, token), ct);
    }

    /// <summary>How this run finds and applies schemas (Validate, and Schemas --lock).</summary>
    SchemaValidationOptions SchemaOptions() =>
        new(
            SchemaLocation.Length > 0 ? SchemaLocation : DefaultSchemaLocations,
            KubernetesVersion,
            Strict: true,
            IgnoreMissingSchemas,
            SkipKinds.ToHashSet(StringComparer.Ordinal),
            RejectKinds.ToHashSet(StringComparer.Ordinal),
            Path.Combine(CacheDirectory, "schemas")
        );

    /// <summary>The first stage of the promotion order, or null when promotion.yaml is missing or broken (the promotion-order rule says so).</summary>
    string? FirstStage(string repositoryRoot)
    {
        try
        {
            return Manifests.PromotionOrder.Exists(repositoryRoot, Layout.KubernetesFolder)
                ? Manifests.PromotionOrder.Load(repositoryRoot, Layout.KubernetesFolder).First
                : null;
        }
        catch (BuildException)
        {
            return null;
        }
    }

    /// <summary>
    /// The actions/runner releases for <c>--check-runner-age</c>; null, with one warning, when the GitHub API cannot
    /// be read (no network, rate limit, 5xx, timeout): the other checks still run.
    /// </summary>
    async Task<IReadOnlyList<Git.ReleaseInfo>?> RunnerReleasesAsync(CancellationToken ct)
    {
        try
        {
            return await new Git.ReleaseLookup(GitHub).ReleasesAsync("actions", "runner", 1, ct);
        }
        catch (BuildException ex) when (ex is not UsageException)
        {
            var warning =
                $"policy-runner-age was not checked: the actions/runner releases could not be read. {ex.Message}";
            Console.MarkupLine($"[yellow]warning:[/] {Markup.Escape(warning)}");
            Host.Annotate(Severity.Warning, warning, null);
            return null;
        }
    }

    async Task PublishReportAsync(ValidationReport report, CancellationToken ct)
    {
        // A machine-readable report on standard output stands alone, so that it can be piped.
        if (Format == ReportFormat.Text || Output is not null)
        {
            TextReport.Write(Console, report);
        }

        foreach (var finding in report.Ordered.Where(f => f.Severity >= Severity.Warning))
        {
            Host.Annotate(finding.Severity, $"{finding.RuleId}: {finding.Message}", finding.Location);
        }

        Host.AppendStepSummary(MarkdownSummary.Render(report));
        AddNote(report.Summary);

        // Text without --output is the console report above.
        if (Format == ReportFormat.Text && Output is null)
        {
            return;
        }

        var toolVersion = typeof(Build).Assembly.GetName().Version?.ToString() ?? "0.0.0";
        var rendered = ReportWriter.For(Format, toolVersion).Render(report);
        await Sink.WriteAsync(rendered, $"{Format.ToString().ToLowerInvariant()} report", ct);
    }
}
