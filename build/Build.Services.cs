using GitOpsRunners.Engine;
using GitOpsRunners.Git;
using GitOpsRunners.Rendering;
using GitOpsRunners.Tools;
using GitOpsRunners.Validation.Reports;
using GitOpsRunners.Versions.Delivery;
using GitOpsRunners.Versions.Lookup;
using GitOpsRunners.Versions.Registries;
using Octokit;
using Spectre.Console;

namespace GitOpsRunners;

/// <summary>
/// What several targets share, built in one place from this run's parameters: the Flux renderer, the GitHub
/// client, the git workspace, the registry look-up and the report sink for <c>--output</c>.
/// </summary>
sealed partial class Build
{
    KustomizeCli? _kustomize;
    IGitHubClient? _gitHub;

    DotNetCli DotNet { get; } = new();

    static readonly TimeSpan LongestWait = TimeSpan.FromDays(30);

    /// <summary>
    /// The kustomize of this machine (<c>kustomize</c>, else <c>kubectl kustomize</c>), found once, with this run's
    /// <c>--kustomize-timeout</c>; a build still running after a while is named on the console, and kustomize's
    /// full message goes to the verbose log when a finding shows it cut short.
    /// </summary>
    KustomizeCli Kustomize => _kustomize ??= LocateKustomize();

    /// <summary><c>--request-timeout</c> as a duration (a usage error when it is not one).</summary>
    TimeSpan RequestTimeLimit => DurationText.ParseOption("--request-timeout", RequestTimeout, TimeSpan.FromHours(1));

    KustomizeCli LocateKustomize()
    {
        var limit = DurationText.ParseOption("--kustomize-timeout", KustomizeTimeout, LongestWait);
        var console = Console;
        var verbose = Verbosity == Verbosity.Verbose;
        return KustomizeCli
            .Locate()
            .WithTimeLimit(limit)
            .WithSlowBuildNotice(
                limit / 2 < TimeSpan.FromSeconds(10) ? limit / 2 : TimeSpan.FromSeconds(10),
                line => console.MarkupLine($"[yellow]{Spectre.Console.Markup.Escape(line)}[/]")
            )
            .WithVerboseLog(line =>
            {
                if (verbose)
                {
                    console.MarkupLine($"[grey]{Spectre.Console.Markup.Escape(line)}[/]");
                }
            });
    }

    /// <summary>
    /// This clone's lock for Bump and Promote: a second run waits up to <c>--lock-wait</c>, then refuses with one
    /// line. Null outside a git clone (nothing to race on).
    /// </summary>
    async Task<RepositoryLock?> LockCloneAsync(string doing, CancellationToken ct)
    {
        var wait = DurationText.ParseOption("--lock-wait", LockWait, TimeSpan.FromHours(1));
        GitWorkspace git;
        try
        {
            git = OpenGit();
        }
        catch (BuildException)
        {
            return null;
        }

        using (git)
        {
            return await git.LockAsync(doing, wait, ct);
        }
    }

    /// <summary>
    /// The Flux tree <c>--root</c> names, as typed: under the repository root, from the working directory, or
    /// in another repository (its git top level); see <see cref="RepositoryLayoutResolver"/>.
    /// </summary>
    RepositoryLayout Layout => RepositoryLayoutResolver.Resolve(RootDirectory, Root, WorkingDirectory);

    /// <summary>
    /// A Flux renderer. Each use owns and disposes its renderer: its caches hold parsed files, so they must not
    /// outlive the tree they were read from.
    /// </summary>
    FluxRenderer CreateRenderer() =>
        new(
            Kustomize,
            new RenderOptions
            {
                BuildCache = NoCache
                    ? null
                    : new KustomizeBuildCache(
                        Path.Combine(CacheDirectory, "kustomize"),
                        KustomizeCacheSize * 1024L * 1024L
                    ),
            }
        );

    /// <summary>
    /// The GitHub REST client of this run: <c>GITHUB_TOKEN</c> (anonymous without one) against
    /// <c>--github-api-url</c> (<c>GITHUB_API_URL</c>, default https://api.github.com).
    /// </summary>
    IGitHubClient GitHub =>
        _gitHub ??= GitHubClientFactory.Create(
            GitHubToken,
            GitHubClientFactory.ApiBaseAddress(GitHubApiUrl),
            RequestTimeLimit
        );

    /// <summary>The clone that holds the Flux tree.</summary>
    GitWorkspace OpenGit() => GitWorkspace.Open(Layout.Root);

    /// <summary><c>--github-repository owner/name</c>, else the owner and name of the origin remote.</summary>
    Git.GitHubRepository ResolveGitHubRepository(GitWorkspace git) =>
        GitHubRepository is { } named ? Git.GitHubRepository.Parse(named) : git.OwnerAndRepository();

    /// <summary>
    /// How Bump and Promote deliver a change: <c>--dry-run</c>, the working tree, or with <c>--pr</c> (given the
    /// clone) branches pushed to origin and pull requests on <see cref="GitHub"/>, committed by <paramref name="author"/>.
    /// </summary>
    ChangeDelivery CreateDelivery(GitWorkspace? git, GitAuthor author) =>
        new(
            Console,
            Layout.Root,
            new DeliveryOptions(DryRun, Pr),
            Pr && !DryRun && git is not null
                ? new ChangePublisher(
                    git,
                    new PullRequestPublisher(GitHub),
                    ResolveGitHubRepository(git),
                    author,
                    GitHubToken
                )
                : null
        );

    /// <summary>Where <c>--output</c> sends a target's report: that file, else standard output.</summary>
    ReportSink Sink => new(Console, Output, WorkingDirectory, StandardOutput);

    /// <summary>
    /// <c>--format json|sarif|junit</c> without <c>--output</c>: the document owns standard output, and the console
    /// (headers, tables, progress, the summary) writes to standard error.
    /// </summary>
    protected internal override bool DocumentOnStandardOutput =>
        Output is null && Format is ReportFormat.Json or ReportFormat.Sarif or ReportFormat.Junit;

    /// <summary>
    /// The HTTP client for OCI registries and Helm repositories, retrying <c>--registry-retries</c> times, each
    /// attempt (body included) bounded by <c>--request-timeout</c>.
    /// </summary>
    HttpClient CreateRegistryHttp(NetworkUse? network = null) =>
        RegistryHttp.CreateClient(
            new RegistryHttpOptions
            {
                MaxRetryAttempts = RegistryRetries,
                AttemptTimeout = RequestTimeLimit,
                Network = network,
            }
        );

    /// <summary>Registry credentials from the environment, each password masked in the CI log (<c>::add-mask::</c>).</summary>
    RegistryCredentialStore RegistryCredentials()
    {
        var credentials = RegistryCredentialStore.FromEnvironment();
        foreach (var secret in credentials.Secrets)
        {
            Host.Mask(secret);
        }

        return credentials;
    }

    /// <summary>
    /// Fetches the charts HelmReleases pin through <paramref name="http"/>, the mirrors and credentials Bump uses, into
    /// the build's own cache (<c>charts/</c> of <see cref="Engine.BuildDefinition.CacheDirectory"/>).
    /// </summary>
    Charts.ChartFetcher CreateChartFetcher(HttpClient http) =>
        new(
            new OciRegistryClient(http, RegistryCredentials()),
            new HelmRepositoryClient(http, RegistryCredentials()),
            RegistryMirrors.Parse(RegistryMirror, HelmRepositoryMirror),
            new Charts.ChartCache(CacheDirectory),
            RequestTimeLimit
        );

    /// <summary>Looks up newer charts and images through <paramref name="http"/>, the mirrors, and GitHub releases.</summary>
    VersionLookup CreateLookup(HttpClient http) =>
        new(
            new OciRegistryClient(http, RegistryCredentials()),
            new HelmRepositoryClient(http, RegistryCredentials()),
            new GitTagLister(),
            RegistryMirrors.Parse(RegistryMirror, HelmRepositoryMirror),
            new ReleaseLookup(GitHub)
        );
}
