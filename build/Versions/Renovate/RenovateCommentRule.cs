using System.Text;
using System.Text.RegularExpressions;
using GitOpsRunners.Diagnostics;
using GitOpsRunners.Rendering;
using GitOpsRunners.Validation.Rules;
using GitOpsRunners.Versions.Pins;
using GitOpsRunners.Versions.Registries;

namespace GitOpsRunners.Versions.Renovate;

/// <summary>
/// <c>renovate-comment</c>: every pin of the first stage that a post-build variable sets has, on the line
/// directly above the variable, the <c># renovate:</c> comment renovate.json's regex managers read, naming
/// the source the rendered manifests actually use (docker and the OCI repository, or helm, the chart and
/// its repository), and the value is double-quoted as those managers expect. Pins of later stages have no
/// such comment: promotion moves them, Renovate must not.
/// </summary>
public sealed partial class RenovateCommentRule(string firstStage) : IRepositoryRule
{
    public static RuleDescriptor Descriptor { get; } =
        new(
            "renovate-comment",
            Severity.Error,
            "Renovate updates a first-stage pin only through the '# renovate:' comment above it, which must name the source the manifests use; later stages move by promotion and carry none.",
            "none: fix the comment"
        );

    public IReadOnlyList<RuleDescriptor> Descriptors => [Descriptor];

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public async Task<IReadOnlyList<Finding>> CheckAsync(
        string repositoryRoot,
        IReadOnlyList<RenderedCluster> clusters,
        CancellationToken ct
    )
    {
        ArgumentNullException.ThrowIfNull(clusters);
        var findings = new List<Finding>();
        var files = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var firstStageSites = new HashSet<(string File, int Line)>();
        var complete = clusters
            .Where(c => !c.Findings.Any(f => f.Severity == Severity.Error))
            .OrderBy(c => c.Name == firstStage ? 0 : 1);
        foreach (var cluster in complete)
        {
            var sources = await new PinSourceReader(repositoryRoot).ReadAsync(cluster, ct).ConfigureAwait(false);
            var sites = PinInventory
                .Find(cluster, sources)
                .Where(p => p.Site is { Variable: not null })
                .GroupBy(p => (p.Site!.Location.File, p.Site.Location.Line));
            foreach (var site in sites)
            {
                var lines = await LinesAsync(repositoryRoot, site.Key.File, files, ct).ConfigureAwait(false);
                if (lines is null || site.Key.Line > lines.Length)
                {
                    continue;
                }

                var pins = site.ToList();
                var above = site.Key.Line >= 2 ? lines[site.Key.Line - 2] : "";
                var comment = RenovateComment.Parse(above);
                if (cluster.Name == firstStage)
                {
                    firstStageSites.Add(site.Key);
                    if (Check(cluster.Name, pins, comment, lines[site.Key.Line - 1], site.Key) is { } finding)
                    {
                        findings.Add(finding);
                    }
                }
                else if (comment is not null && !firstStageSites.Contains(site.Key))
                {
                    findings.Add(
                        Error(
                            new SourceLocation(site.Key.File, site.Key.Line - 1),
                            cluster.Name,
                            $"{pins[0].Variable} of {cluster.Name} has a '# renovate:' comment, but {cluster.Name} is a later stage: "
                                + $"its pins move only by promotion from {firstStage} (./build.sh Promote). Remove the comment."
                        )
                    );
                }
            }
        }

        return findings;
    }

    private static Finding? Check(
        string cluster,
        IReadOnlyList<VersionPin> pins,
        RenovateComment? comment,
        string line,
        (string File, int Line) site
    )
    {
        if (Expected(pins) is not { } expected)
        {
            return null;
        }

        var variable = pins[0].Variable!;
        var sources = string.Join(
            " and ",
            pins.Select(p => p.Source).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
        );
        if (comment is null)
        {
            return Error(
                new SourceLocation(site.File, site.Line),
                cluster,
                $"{variable} pins {sources} but has no '# renovate:' comment on the line above, so Renovate never updates it. Add `{expected.Comment}` above it."
            );
        }

        var helm = expected.Comment.Datasource == "helm";
        var matches =
            comment.Datasource == expected.Comment.Datasource
            && comment.DepName is not null
            && expected.DepNames.Contains(comment.DepName)
            && (
                helm
                    ? comment.RegistryUrl is { } url && url.TrimEnd('/') == expected.Comment.RegistryUrl!.TrimEnd('/')
                    : comment.RegistryUrl is null
            );
        if (!matches)
        {
            return Error(
                new SourceLocation(site.File, site.Line - 1),
                cluster,
                $"the '# renovate:' comment of {variable} says `{comment}`, but the rendered manifests read {variable} as {sources}. "
                    + $"Write `{expected.Comment}`."
            );
        }

        return QuotedValue().IsMatch(line)
            ? null
            : Error(
                new SourceLocation(site.File, site.Line),
                cluster,
                $"{variable}: Renovate's regex managers read only `{variable}: \"<value>\"` (double quotes, one line) below the comment. Write the value that way."
            );
    }

    /// <summary>The comment the pins of one line need, and every depName that names their source; null for sources Renovate is not configured for.</summary>
    private static (RenovateComment Comment, IReadOnlySet<string> DepNames)? Expected(IReadOnlyList<VersionPin> pins)
    {
        var kinds = pins.Select(p => p.Kind).Distinct().ToList();
        if (
            kinds is [PinKind.HelmChartOci or PinKind.ContainerImage]
            || kinds.All(k => k is PinKind.HelmChartOci or PinKind.ContainerImage)
        )
        {
            var names = pins.Select(p => OciName(p.Source)).OfType<string>().ToHashSet(StringComparer.Ordinal);
            return names.Count == 0
                ? null
                : (new RenovateComment("docker", names.Order(StringComparer.Ordinal).First(), null), names);
        }

        if (kinds is [PinKind.HelmChartHttp] && pins.Select(p => (p.Component, p.Source)).Distinct().Count() == 1)
        {
            return (
                new RenovateComment("helm", pins[0].Component, pins[0].Source),
                new HashSet<string>(StringComparer.Ordinal) { pins[0].Component }
            );
        }

        return null;
    }

    private static string? OciName(string source) =>
        OciReference.TryParse(source, out var reference) ? $"{reference.Registry}/{reference.Repository}" : null;

    private static Finding Error(SourceLocation location, string cluster, string message) =>
        new(Descriptor, message, location, cluster);

    private static async Task<string[]?> LinesAsync(
        string root,
        string file,
        Dictionary<string, string[]> cache,
        CancellationToken ct
    )
    {
        if (cache.TryGetValue(file, out var lines))
        {
            return lines;
        }

        var path = Path.Combine(root, file);
        if (!File.Exists(path))
        {
            return null;
        }

        var text = Utf8.GetString(await File.ReadAllBytesAsync(path, ct).ConfigureAwait(false));
        return cache[file] = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
    }

    [GeneratedRegex("^\\s*[A-Z][A-Z0-9_]*:\\s*\"[^\"@\\s]+(@sha256:[a-f0-9]{64})?\"\\s*(#.*)?$")]
    private static partial Regex QuotedValue();
}
