using System.Text.Json;
using System.Text.Json.Nodes;
using GitOpsRunners.Diagnostics;

namespace GitOpsRunners.Validation.Reports;

/// <summary>Machine-readable findings: summary counts and one object per finding.</summary>
public static class JsonReport
{
    public static string Render(ValidationReport report)
    {
        var root = new JsonObject
        {
            ["summary"] = new JsonObject
            {
                ["clusters"] = new JsonArray(report.Clusters.Select(c => (JsonNode?)JsonValue.Create(c)).ToArray()),
                ["objects"] = report.ObjectCount,
                ["errors"] = report.Errors,
                ["warnings"] = report.Warnings,
            },
            ["findings"] = new JsonArray(
                report
                    .Ordered.Select(f =>
                        (JsonNode?)
                            new JsonObject
                            {
                                ["file"] = f.Location?.File,
                                ["line"] = f.Location?.Line,
                                ["column"] = f.Location is { Column: > 0 } ? f.Location.Column : null,
                                ["severity"] = f.Severity.ToString().ToLowerInvariant(),
                                ["rule"] = f.RuleId,
                                ["message"] = f.Message,
                                ["cluster"] = f.Cluster,
                                ["object"] = f.Object,
                            }
                    )
                    .ToArray()
            ),
        };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }
}
