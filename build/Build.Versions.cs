using GitOpsRunners.Diagnostics;
using GitOpsRunners.Engine;
using GitOpsRunners.Rendering;
using GitOpsRunners.Tools;
using GitOpsRunners.Validation;
using GitOpsRunners.Validation.Reports;
using GitOpsRunners.Versions.Lookup;
using GitOpsRunners.Versions.Pins;
using GitOpsRunners.Versions.Planning;
using GitOpsRunners.Versions.Registries;
using Spectre.Console;

namespace GitOpsRunners;

sealed partial class Build
{
    [Parameter("With Versions: also look up the newest version each pin's registry or repository offers")]
    bool Check { get; set; }

    Target Versions =>
        _ =>
            _.Description(
                    "List every version pin per cluster: component, kind, source, version, digest and the line that sets it (--check: the newest available and what Bump would choose)"
                )
                .Executes(async ct =>
                {
                    if (Format is not (ReportFormat.Text or ReportFormat.Json))
                    {
                        throw new UsageException(
                            $"Versions writes text or json, not {Format.ToString().ToLowerInvariant()}: use --format text or --format json."
                        );
                    }

                    var clusters = Cluster is { } one ? [one] : ClusterDiscovery.ClusterNames(Layout);
                    var pins = await Status.RunAsync(
                        "Rendering clusters",
                        async token =>
                        {
                            using var renderer = CreateRenderer();
                            var all = new List<VersionPin>();
                            foreach (var cluster in clusters)
                            {
                                all.AddRange(await ClusterPins.ReadAsync(renderer, Layout, cluster, token));
                            }

                            return all;
                        },
                        ct
                    );

                    LookupResult? lookup = null;
                    BumpPlan? plan = null;
                    var policy = new BumpPolicy(Allow, PreRelease);
                    if (Check)
                    {
                        using var http = CreateRegistryHttp();
                        var options = new LookupOptions(policy);
                        lookup = await Status.RunAsync(
                            "Looking up versions",
                            token => CreateLookup(http).LookUpAsync(pins, options, token),
                            ct
                        );
                        foreach (var warning in lookup.Warnings)
                        {
                            Console.MarkupLine($"[yellow]warning:[/] {Markup.Escape(warning)}");
                            Host.Annotate(Severity.Warning, warning, null);
                        }
                    }

                    if (lookup is not null)
                    {
                        // What Bump would do under the same policy (--allow, --pre-release, the ARC pair rule).
                        plan = BumpPlanner.Plan(
                            pins.Where(p => lookup.Available.ContainsKey(p.Key)).ToList(),
                            lookup.Available,
                            policy
                        );
                        foreach (var note in plan.Notes)
                        {
                            Console.MarkupLine($"[grey]{Markup.Escape(note)}[/]");
                        }
                    }

                    var rows = VersionReport.Rows(pins, lookup, PreRelease, plan);
                    if (Format == ReportFormat.Json)
                    {
                        await Sink.WriteAsync(VersionReport.Json(rows, Check) + "\n", "json", ct);
                    }
                    else
                    {
                        VersionReport.Write(Console, rows, Check);
                    }

                    AddNote(
                        $"{pins.Count} pin(s) in {clusters.Count} cluster(s)"
                            + (Check ? $", {rows.Count(r => r.IsBehind)} behind" : "")
                    );
                    if (lookup is { Succeeded: false })
                    {
                        throw new BuildException(
                            $"{lookup.Failures.Count} look-up(s) failed:\n  "
                                + string.Join("\n  ", lookup.Failures.Select(f => f.Message))
                        );
                    }
                });
}
