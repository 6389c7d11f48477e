using GitOpsRunners.Diagnostics;
using GitOpsRunners.Git;
using GitOpsRunners.Manifests;
using NuGet.Versioning;

namespace GitOpsRunners.Validation.Rules;

/// <summary>
/// The runner image is not too far behind actions/runner: GitHub stops sending jobs to a self-hosted runner
/// once a newer runner release has been out for more than 30 days. Known only when releases were looked up.
/// </summary>
public sealed class RunnerAgePolicy(IReadOnlyList<ReleaseInfo> runnerReleases, DateTimeOffset now)
    : ClusterRule(Descriptor)
{
    public static RuleDescriptor Descriptor { get; } =
        new(
            "policy-runner-age",
            Severity.Error,
            "GitHub stops sending jobs to a runner once a newer release has been out for 30 days (checked with --check-runner-age).",
            RuleCatalog.AnnotationOptOut
        );

    public static readonly TimeSpan Grace = TimeSpan.FromDays(30);

    public override IEnumerable<Finding> Check(RuleContext context)
    {
        var newest = runnerReleases.Where(r => !r.Prerelease && r.Version is not null).MaxBy(r => r.Version);
        if (newest?.Version is not { } newestVersion)
        {
            yield break;
        }

        foreach (var scaleSet in ArcRelease.Find(context.Index).Where(r => !r.IsController))
        {
            foreach (var (container, path) in Containers.Of(scaleSet.Release))
            {
                if (
                    container.ScalarAt("name") != "runner"
                    || RunnerVersion(container.ScalarAt("image")) is not { } version
                    || version >= newestVersion
                )
                {
                    continue;
                }

                // The clock starts when the first release newer than the pinned one came out.
                var firstNewer = runnerReleases
                    .Where(r => !r.Prerelease && r.Version is { } v && v > version && r.PublishedAt is not null)
                    .MinBy(r => r.Version);
                var since = firstNewer?.PublishedAt ?? newest.PublishedAt;
                if (since is null)
                {
                    continue;
                }

                var age = now - since.Value;
                var finding = context.Report(
                    Descriptor,
                    scaleSet.Release,
                    age > Grace
                        ? $"runner {version} is behind actions/runner {newestVersion}; a newer release has been out since {since.Value:yyyy-MM-dd} (over 30 days), so GitHub no longer sends jobs to it. Bump the runner image"
                        : $"runner {version} is behind actions/runner {newestVersion} (newer since {since.Value:yyyy-MM-dd}); bump it within {Math.Max(0, (Grace - age).Days)} days or GitHub stops sending jobs",
                    path
                );
                yield return age > Grace ? finding : finding with { Severity = Severity.Warning };
            }
        }
    }

    /// <summary>The runner version in an image reference: the tag's semantic version (<c>…:2.330.0@sha256:…</c>).</summary>
    public static SemanticVersion? RunnerVersion(string? image)
    {
        if (image is null)
        {
            return null;
        }

        var withoutDigest = image.Split('@')[0];
        var colon = withoutDigest.LastIndexOf(':');
        var tag = colon > withoutDigest.LastIndexOf('/') ? withoutDigest[(colon + 1)..] : null;
        return tag is not null && SemanticVersion.TryParse(tag.TrimStart('v'), out var version) ? version : null;
    }
}
