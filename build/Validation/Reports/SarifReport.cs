using System.Text.Json;
using System.Text.Json.Nodes;
using GitOpsRunners.Diagnostics;
using GitOpsRunners.Validation.Rules;

namespace GitOpsRunners.Validation.Reports;

/// <summary>SARIF 2.1.0 for GitHub code scanning: one rule per rule id, one result per finding.</summary>
public static class SarifReport
{
    public static string Render(ValidationReport report, string toolVersion)
    {
        var ruleIds = report
            .Findings.Select(f => f.RuleId)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        var rules = ruleIds
            .Select(id =>
            {
                var rule = report.Describe(id) ?? new RuleDescriptor(id, Severity.Error, "", "");
                return (JsonNode?)
                    new JsonObject
                    {
                        ["id"] = id,
                        ["shortDescription"] = new JsonObject
                        {
                            ["text"] = rule.Rationale.Length > 0 ? rule.Rationale : id,
                        },
                        ["help"] = new JsonObject { ["text"] = $"{rule.Rationale} Opt-out: {rule.Help}".Trim() },
                        ["defaultConfiguration"] = new JsonObject { ["level"] = Level(rule.DefaultSeverity) },
                    };
            })
            .ToArray();

        var results = report
            .Ordered.Select(f =>
            {
                var result = new JsonObject
                {
                    ["ruleId"] = f.RuleId,
                    ["ruleIndex"] = ruleIds.IndexOf(f.RuleId),
                    ["level"] = Level(f.Severity),
                    ["message"] = new JsonObject
                    {
                        ["text"] = f.Cluster is null ? f.Message : $"[{f.Cluster}] {f.Message}",
                    },
                };
                if (f.Location is { } location)
                {
                    var region = new JsonObject { ["startLine"] = Math.Max(1, location.Line) };
                    if (location.Column > 0)
                    {
                        region["startColumn"] = location.Column;
                    }

                    result["locations"] = new JsonArray(
                        new JsonObject
                        {
                            ["physicalLocation"] = new JsonObject
                            {
                                ["artifactLocation"] = new JsonObject
                                {
                                    ["uri"] = location.File,
                                    ["uriBaseId"] = "%SRCROOT%",
                                },
                                ["region"] = region,
                            },
                        }
                    );
                }

                return (JsonNode?)result;
            })
            .ToArray();

        var sarif = new JsonObject
        {
            ["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json",
            ["version"] = "2.1.0",
            ["runs"] = new JsonArray(
                new JsonObject
                {
                    ["tool"] = new JsonObject
                    {
                        ["driver"] = new JsonObject
                        {
                            ["name"] = "gitops-validate",
                            ["version"] = toolVersion,
                            ["rules"] = new JsonArray(rules),
                        },
                    },
                    ["results"] = new JsonArray(results),
                }
            ),
        };
        return sarif.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    private static string Level(Severity severity) =>
        severity switch
        {
            Severity.Error => "error",
            Severity.Warning => "warning",
            _ => "note",
        };
}
