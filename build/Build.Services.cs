using GitOpsRunners.Engine;
using GitOpsRunners.Git;
using GitOpsRunners.Rendering;
using GitOpsRunners.Tools;
using GitOpsRunners.Versions.Delivery;
using GitOpsRunners.Versions.Lookup;
using GitOpsRunners.Versions.Registries;
using Octokit;

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

    /// <summary>The kustomize of this machine (<c>kustomize</c>, else <c>kubectl kustomize</c>), found once.</summary>
    KustomizeCli Kustomize => _kustomize ??= KustomizeCli.Locate();

    /// <summary>
    /// The Flux tree <c>--root</c> names, as typed: under the repository root, from the working directory, or
    /// in another repository (its git top level); see <see cref="RepositoryLayoutResolver"/>.
    /// </summary>
    RepositoryLayout Layout => RepositoryLayoutResolver.Resolve(RootDirectory, Root, WorkingDirectory);

    /// <summary>
    /// A Flux renderer. Each use owns and disposes its renderer: its caches hold parsed files, so they must not
    /// outlive the tree they were read from.
    /// </summary>
    FluxRenderer CreateRenderer() => new(Kustomize);

    /// <summary>
    /// The GitHub REST client of this run: <c>GITHUB_TOKEN</c> (anonymous without one) against
    /// <c>--github-api-url</c> (<c>GITHUB_API_URL</c>, default https://api.github.com).
    /// </summary>
    IGitHubClient GitHub =>
        _gitHub ??= GitHubClientFactory.Create(GitHubToken, GitHubClientFactory.ApiBaseAddress(GitHubApiUrl));

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
    ReportSink Sink => new(Console, Output, WorkingDirectory);

    /// <summary>The HTTP client for OCI registries and Helm repositories, retrying <c>--registry-retries</c> times.</summary>
    HttpClient CreateRegistryHttp() =>
        RegistryHttp.CreateClient(new RegistryHttpOptions { MaxRetryAttempts = Math.Max(0, RegistryRetries) });

    /// <summary>Looks up newer charts and images through <paramref name="http"/>, the mirrors, and GitHub releases.</summary>
    VersionLookup CreateLookup(HttpClient http) =>
        new(
            new OciRegistryClient(http),
            new HelmRepositoryClient(http),
            new GitTagLister(),
            RegistryMirrors.Parse(RegistryMirror, HelmRepositoryMirror),
            new ReleaseLookup(GitHub)
        );
}
