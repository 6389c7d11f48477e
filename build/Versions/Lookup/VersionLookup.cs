using GitOpsRunners.Engine;
using GitOpsRunners.Git;
using GitOpsRunners.Versions.Pins;
using GitOpsRunners.Versions.Planning;
using GitOpsRunners.Versions.Registries;
using NuGet.Versioning;

namespace GitOpsRunners.Versions.Lookup;

/// <summary>
/// Asks the registries what each pin could move to: OCI tag lists (charts and images), Helm
/// <c>index.yaml</c> files and Git tags, through <see cref="RegistryMirrors"/>. For pins that record a
/// digest it resolves the digests of the current tag and of the tag the policy would pick, nothing more.
/// Release-notes links and the actions/runner check come from GitHub releases and are best effort:
/// when GitHub cannot be read, the result carries a warning instead of links. Sources are read a few at a time;
/// the result keeps their order.
/// </summary>
public sealed class VersionLookup(
    OciRegistryClient oci,
    HelmRepositoryClient helm,
    GitTagLister git,
    RegistryMirrors mirrors,
    ReleaseLookup? releases = null
)
{
    /// <summary>How many sources are read at once (registries, Helm indexes, git remotes).</summary>
    private const int Concurrency = 4;

    public async Task<LookupResult> LookUpAsync(
        IReadOnlyList<VersionPin> pins,
        LookupOptions options,
        CancellationToken ct
    )
    {
        ArgumentNullException.ThrowIfNull(pins);
        ArgumentNullException.ThrowIfNull(options);
        var available = new Dictionary<PinKey, AvailableVersions>();
        var failures = new List<LookupFailure>();
        var warnings = new List<string>();
        var keys = pins.Select(p => p.Key).Distinct().OrderBy(k => k.ToString(), StringComparer.Ordinal).ToList();
        var outcomes = new (AvailableVersions? Found, LookupFailure? Failure)[keys.Count];
        await Parallel
            .ForEachAsync(
                Enumerable.Range(0, keys.Count),
                new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = ct },
                async (i, token) =>
                    outcomes[i] = await LookUpSourceAsync(keys[i], pins, options, token).ConfigureAwait(false)
            )
            .ConfigureAwait(false);
        for (var i = 0; i < keys.Count; i++)
        {
            if (outcomes[i].Found is { } found)
            {
                available[keys[i]] = found;
            }
            else if (outcomes[i].Failure is { } failure)
            {
                failures.Add(failure);
            }
        }

        if (options.Releases && releases is not null)
        {
            try
            {
                await AddReleaseNotesAsync(pins, available, ct).ConfigureAwait(false);
                await CheckRunnerAsync(pins, available, warnings, ct).ConfigureAwait(false);
            }
            catch (BuildException ex) when (ex is not UsageException)
            {
                warnings.Add(
                    "GitHub releases were not read, so release-note links and the actions/runner check are left out "
                        + $"(the versions come from the registries alone): {ex.Message}"
                );
            }
        }

        return new LookupResult(available, failures, warnings);
    }

    /// <summary>The versions (and digests) of one source, or why they could not be read.</summary>
    private async Task<(AvailableVersions? Found, LookupFailure? Failure)> LookUpSourceAsync(
        PinKey key,
        IReadOnlyList<VersionPin> pins,
        LookupOptions options,
        CancellationToken ct
    )
    {
        var keyPins = pins.Where(p => p.Key == key).ToList();
        try
        {
            var tags = await ListAsync(key, ct).ConfigureAwait(false);
            var digests = options.Digests
                ? await DigestsAsync(key, keyPins, tags, options.Policy, ct).ConfigureAwait(false)
                : null;
            return (new AvailableVersions(tags, digests), null);
        }
        catch (BuildException ex) when (ex is not UsageException)
        {
            return (null, new LookupFailure(key, Describe(key, ex)));
        }
    }

    private async Task<IReadOnlyList<string>> ListAsync(PinKey key, CancellationToken ct)
    {
        switch (key.Kind)
        {
            case PinKind.HelmChartOci or PinKind.ContainerImage:
                return await oci.ListTagsAsync(mirrors.Resolve(OciReference.Parse(key.Source).WithoutVersion()), ct)
                    .ConfigureAwait(false);
            case PinKind.HelmChartHttp:
                if (
                    !Uri.TryCreate(key.Source, UriKind.Absolute, out var repository)
                    || repository.Scheme is not ("http" or "https")
                )
                {
                    throw new BuildException(
                        $"{key.Component}: its HelmRepository ({key.Source}) was not found in the rendered cluster or has no http(s) URL."
                    );
                }

                var versions = await helm.GetVersionsAsync(mirrors.Resolve(repository), key.Component, ct)
                    .ConfigureAwait(false);
                return versions.Select(v => v.Version).ToList();
            default:
                return await git.ListTagsAsync(key.Source, ct).ConfigureAwait(false);
        }
    }

    private async Task<IReadOnlyDictionary<string, string>?> DigestsAsync(
        PinKey key,
        List<VersionPin> pins,
        IReadOnlyList<string> tags,
        BumpPolicy policy,
        CancellationToken ct
    )
    {
        if (key.Kind is not (PinKind.HelmChartOci or PinKind.ContainerImage))
        {
            return null;
        }

        var wanted = pins.Where(p => p.CurrentDigest is not null && p.Group != VersionPin.ArcGroup && policy.Selects(p))
            .SelectMany(p => Candidates(p, tags, policy))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        if (wanted.Count == 0)
        {
            return null;
        }

        var reference = mirrors.Resolve(OciReference.Parse(key.Source).WithoutVersion());
        var digests = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var tag in wanted)
        {
            digests[tag] = await oci.ResolveDigestAsync(reference, tag, ct).ConfigureAwait(false);
        }

        return digests;
    }

    /// <summary>The current tag and the highest tag the policy allows: the only tags whose digest the planner can use.</summary>
    internal static IEnumerable<string> Candidates(VersionPin pin, IReadOnlyList<string> tags, BumpPolicy policy)
    {
        if (pin.CurrentVersion.Length == 0)
        {
            yield break;
        }

        if (tags.Contains(pin.CurrentVersion, StringComparer.Ordinal))
        {
            yield return pin.CurrentVersion;
        }

        if (PinVersion.Parse(pin.CurrentVersion) is not { } current)
        {
            yield break;
        }

        var best = tags.Select(PinVersion.Parse)
            .OfType<SemanticVersion>()
            .Where(v => PinVersion.Allowed(current, v, policy))
            .Max(VersionComparer.VersionRelease);
        if (best is not null && PinVersion.TagOf(best, tags, pin.CurrentVersion) is { } tag)
        {
            yield return tag;
        }
    }

    /// <summary>
    /// Links each available version to its GitHub release. A GitHub that cannot be read (no network, rate limit,
    /// 5xx, timeout) throws on the first call, so one unreachable API costs one request limit, not one per source.
    /// </summary>
    private async Task AddReleaseNotesAsync(
        IReadOnlyList<VersionPin> pins,
        Dictionary<PinKey, AvailableVersions> available,
        CancellationToken ct
    )
    {
        var bySource = pins.Where(p => available.ContainsKey(p.Key) && ReleaseSources.For(p) is not null)
            .GroupBy(p => ReleaseSources.For(p)!);
        foreach (var group in bySource)
        {
            var source = group.Key;
            var published = await releases!
                .ReleasesAsync(source.Owner, source.Repository, maxPages: 1, ct)
                .ConfigureAwait(false);

            foreach (var key in group.Select(p => p.Key).Distinct())
            {
                var versions = available[key];
                var notes = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var tag in versions.Versions)
                {
                    var version = PinVersion.Parse(tag);
                    var release = version is null
                        ? null
                        : published.FirstOrDefault(r =>
                            VersionComparer.VersionRelease.Equals(
                                ReleaseInfo.ParseVersion(r.TagName, source.TagPrefix),
                                version
                            )
                        );
                    if (release is not null)
                    {
                        notes[tag] = release.HtmlUrl;
                    }
                }

                available[key] = versions with { ReleaseNotes = notes };
            }
        }
    }

    private async Task CheckRunnerAsync(
        IReadOnlyList<VersionPin> pins,
        Dictionary<PinKey, AvailableVersions> available,
        List<string> warnings,
        CancellationToken ct
    )
    {
        var runnerKeys = pins.Where(p =>
                ReleaseSources.For(p) == ReleaseSources.ActionsRunner && available.ContainsKey(p.Key)
            )
            .Select(p => p.Key)
            .Distinct()
            .ToList();
        if (runnerKeys.Count == 0)
        {
            return;
        }

        var source = ReleaseSources.ActionsRunner;
        var latest = await releases!.LatestReleaseAsync(source.Owner, source.Repository, ct).ConfigureAwait(false);

        if (latest.Version is null)
        {
            return;
        }

        foreach (var key in runnerKeys)
        {
            var newest = VersionTags.Latest(available[key].Versions);
            if (newest is null || VersionComparer.VersionRelease.Compare(newest.Version, latest.Version) < 0)
            {
                var published = latest.PublishedAt is { } at ? $", published {at.UtcDateTime:yyyy-MM-dd}" : "";
                warnings.Add(
                    $"{key.Source}: its newest tag {newest?.Tag ?? "(none)"} is behind {source}'s newest release {latest.TagName}{published}. "
                        + "GitHub stops sending jobs to runners that miss a release for 30 days: make sure the image is rebuilt for it, or switch images."
                );
            }
        }
    }

    private string Describe(PinKey key, BuildException ex)
    {
        var registry =
            key.Kind is PinKind.HelmChartOci or PinKind.ContainerImage
            && OciReference.TryParse(key.Source, out var reference)
                ? reference.Registry
                : null;
        var mirror = registry is null ? null : mirrors.MirrorOf(registry);
        var helmMirror =
            key.Kind == PinKind.HelmChartHttp
            && Uri.TryCreate(key.Source, UriKind.Absolute, out var url)
            && mirrors.Resolve(url) != url
                ? mirrors.Resolve(url)
                : null;
        var through =
            mirror is not null ? $" ({registry} is read through the mirror {mirror})"
            : helmMirror is not null ? $" ({key.Source} is read through the mirror {helmMirror})"
            : "";
        var what = key.Component == key.Source ? key.Source : $"{key.Component} from {key.Source}";
        return $"{what}: {ex.Message}{through}";
    }
}
