using System.Text.Json;
using System.Text.Json.Nodes;
using GitOpsRunners.Versions.Lookup;
using GitOpsRunners.Versions.Planning;

namespace GitOpsRunners.Versions.Bump;

/// <summary>
/// The plan as JSON (<c>Bump --format json</c>): one entry per group (the pull request it would be, on
/// its branch), each change with its pin, from and to (version and digest), update type, the text its
/// source scalar would hold and the line that holds it; plus the planner's notes.
/// </summary>
public static class BumpReport
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Json(string cluster, BumpPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var groups = new JsonArray();
        foreach (var group in plan.Groups)
        {
            var changes = new JsonArray();
            foreach (var change in group.Changes)
            {
                var pin = change.Pin;
                changes.Add(
                    new JsonObject
                    {
                        ["component"] = pin.Component,
                        ["kind"] = VersionReport.KindKey(pin.Kind),
                        ["source"] = pin.Source,
                        ["field"] = pin.Field,
                        ["variable"] = pin.Variable,
                        ["from"] = change.From,
                        ["fromDigest"] = change.FromDigest,
                        ["to"] = change.To,
                        ["toDigest"] = change.ToDigest,
                        ["update"] = BumpText.Type(change),
                        ["text"] = pin.SiteText(change.To, change.ToDigest),
                        ["file"] = pin.Site?.Location.File ?? pin.SetAt.File,
                        ["line"] = pin.Site?.Location.Line ?? pin.SetAt.Line,
                    }
                );
            }

            groups.Add(
                new JsonObject
                {
                    ["name"] = group.Name,
                    ["branch"] = BumpBranch.Name(cluster, group.Name),
                    ["title"] = BumpText.Title(cluster, group),
                    ["changes"] = changes,
                }
            );
        }

        var notes = new JsonArray(plan.Notes.Select(n => (JsonNode?)JsonValue.Create(n)).ToArray());
        return new JsonObject
        {
            ["cluster"] = cluster,
            ["groups"] = groups,
            ["notes"] = notes,
        }.ToJsonString(Indented);
    }
}
