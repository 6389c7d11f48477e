using System.Text.Json;
using System.Text.Json.Nodes;
using GitOpsRunners.Versions.Pins;
using GitOpsRunners.Versions.Planning;
using GitOpsRunners.Versions.Registries;
using Spectre.Console;

namespace GitOpsRunners.Versions.Lookup;

/// <summary>The Versions target's output: a console table, or JSON (one object per pin).</summary>
public static class VersionReport
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>
    /// The rows for <paramref name="pins"/>; with a look-up result, each row gets the newest version its source offers
    /// and the change <paramref name="plan"/> (Bump's plan under the same policy) makes to it.
    /// </summary>
    public static IReadOnlyList<VersionRow> Rows(
        IReadOnlyList<VersionPin> pins,
        LookupResult? lookup,
        bool preRelease,
        BumpPlan? plan = null
    )
    {
        ArgumentNullException.ThrowIfNull(pins);
        var changes = plan?.Changes.ToList() ?? [];
        return pins.Select(pin =>
            {
                if (lookup is null)
                {
                    return new VersionRow(pin);
                }

                if (lookup.Failures.FirstOrDefault(f => f.Key == pin.Key) is { } failure)
                {
                    return new VersionRow(pin, Problem: failure.Message);
                }

                var available = lookup.Available.TryGetValue(pin.Key, out var found) ? found : null;
                var newest = available is null ? null : Newest(pin, available, preRelease);
                return new VersionRow(
                    pin,
                    newest,
                    newest is null ? "no tag is a semantic version" : null,
                    changes.FirstOrDefault(c => ReferenceEquals(c.Pin, pin))
                );
            })
            .ToList();
    }

    public static void Write(IAnsiConsole console, IReadOnlyList<VersionRow> rows, bool check)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(rows);
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumns("Cluster", "Component", "Kind", "Source", "Version", "Digest", "Set at");
        if (check)
        {
            table.AddColumn("Newest");
            table.AddColumn("Bump");
        }

        foreach (var row in rows)
        {
            var pin = row.Pin;
            List<string> cells =
            [
                Markup.Escape(pin.Cluster),
                Markup.Escape(pin.Component),
                Markup.Escape(VersionRow.KindName(pin.Kind)),
                Markup.Escape(pin.Source),
                Markup.Escape(pin.CurrentVersion.Length == 0 ? "—" : pin.CurrentVersion),
                Markup.Escape(ShortDigest(pin.CurrentDigest)),
                Markup.Escape(pin.SetAt.ToString() + (pin.Variable is null ? "" : $" ({pin.Variable})")),
            ];
            if (check)
            {
                cells.Add(
                    row.Problem is not null && row.Newest is null ? "[red]look-up failed[/]"
                    : row.IsBehind ? $"[yellow]{Markup.Escape(row.Newest!)}[/]"
                    : Markup.Escape(row.Newest ?? "—")
                );
                cells.Add(row.Bump is { } bump ? $"[green]{Markup.Escape(BumpTo(bump))}[/]" : "—");
            }

            table.AddRow(cells.ToArray());
        }

        console.Write(table);
    }

    public static string Json(IReadOnlyList<VersionRow> rows, bool check)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var array = new JsonArray();
        foreach (var row in rows)
        {
            var pin = row.Pin;
            var item = new JsonObject
            {
                ["cluster"] = pin.Cluster,
                ["component"] = pin.Component,
                ["kind"] = KindKey(pin.Kind),
                ["source"] = pin.Source,
                ["version"] = pin.CurrentVersion,
                ["digest"] = pin.CurrentDigest,
                ["file"] = pin.SetAt.File,
                ["line"] = pin.SetAt.Line,
                ["variable"] = pin.Variable,
                ["group"] = pin.Group,
                ["field"] = pin.Field,
            };
            if (check)
            {
                item["newest"] = row.Newest;
                item["behind"] = row.IsBehind;
                item["problem"] = row.Problem;
                item["bump"] = row.Bump is { } bump
                    ? new JsonObject
                    {
                        ["version"] = bump.To,
                        ["digest"] = bump.ToDigest,
                        ["update"] = bump.UpdateType.ToString().ToLowerInvariant(),
                    }
                    : null;
            }

            array.Add(item);
        }

        return new JsonObject { ["pins"] = array }.ToJsonString(Indented);
    }

    public static string KindKey(PinKind kind) =>
        kind switch
        {
            PinKind.HelmChartOci => "helm-oci",
            PinKind.HelmChartHttp => "helm-http",
            PinKind.ContainerImage => "image",
            _ => "git-tag",
        };

    private static string? Newest(VersionPin pin, AvailableVersions available, bool preRelease) =>
        VersionTags
            .Latest(available.Versions, preRelease, pin.Kind == PinKind.HelmChartOci ? HelmOci.TagToVersion : null)
            ?.Tag;

    /// <summary><c>0.16.0 (minor)</c>, <c>2.338.0@sha256:8b8e8326b5a0… (minor)</c>, <c>digest sha256:… (digest)</c>.</summary>
    private static string BumpTo(PinChange change)
    {
        var step = change.UpdateType.ToString().ToLowerInvariant();
        return change.UpdateType == UpdateType.Digest
            ? $"digest {ShortDigest(change.ToDigest)} ({step})"
            : $"{change.To}{(change.ToDigest is null ? "" : "@" + ShortDigest(change.ToDigest))} ({step})";
    }

    private static string ShortDigest(string? digest) =>
        digest is null ? "—"
        : digest.Length > 19 ? digest[..19] + "…"
        : digest;
}
