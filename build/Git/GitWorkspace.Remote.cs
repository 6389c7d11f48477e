using System.Text.RegularExpressions;
using GitOpsRunners.Engine;
using LibGit2Sharp;
using LibGit2Sharp.Handlers;

namespace GitOpsRunners.Git;

public sealed partial class GitWorkspace
{
    private const string RemoteName = "origin";
    private const string TokenUser = "x-access-token";

    /// <summary>The URL of <c>origin</c>, with any embedded credentials removed.</summary>
    public string OriginUrl => Redact(Origin().Url, token: null);

    /// <summary>Owner and name of the GitHub repository behind <c>origin</c>.</summary>
    public GitHubRepository OwnerAndRepository() =>
        GitHubRepository.TryParseRemoteUrl(Origin().Url, out var repository)
            ? repository
            : throw new BuildException(
                $"The 'origin' remote ({OriginUrl}) is not a GitHub URL. Expected https://github.com/<owner>/<repo>.git or git@github.com:<owner>/<repo>.git."
            );

    /// <summary>The sha of <c>refs/heads/{branch}</c> on <c>origin</c> (an ls-remote), or null when the branch is absent.</summary>
    public Task<string?> RemoteBranchTipAsync(string branch, string? token, CancellationToken ct)
    {
        var canonical = CanonicalBranch(branch);
        return Task.Run(() => RemoteTip(canonical, branch, token), ct);
    }

    /// <summary>
    /// Pushes <paramref name="branch"/> to <c>origin</c> (a GitHub HTTPS URL with <paramref name="token"/>
    /// as <c>x-access-token</c>, or a local path). Nothing is sent when the remote branch already holds
    /// the same commit or a commit with the same tree; the local branch then moves to the remote commit.
    /// A refusal by the remote, or a non-fast-forward without <paramref name="force"/>, throws
    /// <see cref="GitPushException"/> with the remote's message.
    /// </summary>
    public Task<GitPushResult> PushAsync(string branch, bool force, string? token, CancellationToken ct) =>
        PushAsync(branch, force, token, Lease.FromFirstLook, ct);

    /// <summary>
    /// Like <see cref="PushAsync(string, bool, string?, CancellationToken)"/>, with force-with-lease semantics: the
    /// remote branch is overwritten only while it still holds <paramref name="expected"/> (null: absent), checked
    /// against what the remote advertises in the push connection itself, so a push from a stale view never
    /// overwrites another run's commit.
    /// </summary>
    public Task<GitPushResult> PushAsync(string branch, bool force, string? token, Lease expected, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(expected);
        var canonical = CanonicalBranch(branch);
        var local =
            BranchTip(branch) ?? throw new BuildException($"Cannot push '{branch}': there is no such local branch.");
        return Task.Run(() => Push(branch, canonical, local, force, token, expected, ct), ct);
    }

    private GitPushResult Push(
        string branch,
        string canonical,
        string localSha,
        bool force,
        string? token,
        Lease lease,
        CancellationToken ct
    )
    {
        var remoteSha = RemoteTip(canonical, branch, token);
        ct.ThrowIfCancellationRequested();
        var expected = lease.IsFromFirstLook ? remoteSha : lease.Sha;
        if (!lease.IsFromFirstLook && remoteSha != expected)
        {
            throw Moved(branch, expected, remoteSha, token);
        }

        if (remoteSha == localSha)
        {
            return new GitPushResult(branch, localSha, PushOutcome.AlreadyUpToDate);
        }

        if (remoteSha is not null)
        {
            var remoteCommit = FetchRemoteCommit(branch, remoteSha, token, ct);
            if (remoteCommit.Tree.Sha == _repo.Lookup<Commit>(localSha).Tree.Sha)
            {
                _repo.Refs.UpdateTarget(
                    _repo.Refs[canonical],
                    remoteCommit.Id,
                    "gitops-runners: adopt identical remote commit"
                );
                return new GitPushResult(branch, remoteSha, PushOutcome.AlreadyUpToDate);
            }
        }

        ct.ThrowIfCancellationRequested();
        var rejections = new List<string>();
        var seen = expected;
        var options = new PushOptions
        {
            CredentialsProvider = Credentials(token),
            OnPushStatusError = error => rejections.Add($"{error.Reference}: {error.Message}"),
            OnPushTransferProgress = (_, _, _) => !ct.IsCancellationRequested,
            OnPackBuilderProgress = (_, _, _) => !ct.IsCancellationRequested,
            OnNegotiationCompletedBeforePush = updates =>
            {
                // The lease: what the remote advertises in this very connection must still be what we expect.
                // libgit2's push update: "src" is the reference's current target on the remote, "dst" the new one.
                var advertised = updates.FirstOrDefault(u => u.DestinationRefName == canonical)?.SourceObjectId;
                seen = advertised is null || advertised == ObjectId.Zero ? null : advertised.Sha;
                return seen == expected;
            },
        };
        var refspec = $"{(force ? "+" : string.Empty)}{canonical}:{canonical}";
        try
        {
            _repo.Network.Push(Origin(), refspec, options);
        }
        catch (UserCancelledException) when (ct.IsCancellationRequested)
        {
            throw new OperationCanceledException(ct);
        }
        catch (UserCancelledException) when (seen != expected)
        {
            throw Moved(branch, expected, seen, token);
        }
        catch (NonFastForwardException ex)
        {
            throw Rejected(
                branch,
                Redact(ex.Message, token),
                "the remote branch has commits that are not in the local one (not a fast-forward). Push with force, or reset the branch onto the remote tip.",
                ex
            );
        }
        catch (LibGit2SharpException ex)
        {
            throw Rejected(
                branch,
                Redact(ex.Message, token),
                "check the remote URL, network access and that the token may push (contents: write).",
                ex
            );
        }

        if (rejections.Count > 0)
        {
            throw Rejected(
                branch,
                Redact(string.Join("; ", rejections), token),
                "a hook or branch protection rule on the remote refused it; read the remote's message and fix the rule or the branch name.",
                inner: null
            );
        }

        return new GitPushResult(branch, localSha, PushOutcome.Pushed);
    }

    private GitPushException Moved(string branch, string? expected, string? found, string? token) =>
        Rejected(
            branch,
            Redact(
                $"the remote branch is at {Short(found)}, not at {Short(expected)} as when this run began (another run pushed to it)",
                token
            ),
            "nothing was overwritten; run again to build on the new remote state.",
            inner: null
        );

    private static string Short(string? sha) => sha is null ? "nothing (absent)" : sha[..Math.Min(12, sha.Length)];

    private Commit FetchRemoteCommit(string branch, string remoteSha, string? token, CancellationToken ct)
    {
        if (_repo.Lookup<Commit>(remoteSha) is { } known)
        {
            return known;
        }

        var options = new FetchOptions
        {
            CredentialsProvider = Credentials(token),
            TagFetchMode = TagFetchMode.None,
            OnTransferProgress = _ => !ct.IsCancellationRequested,
        };
        try
        {
            Commands.Fetch(
                _repo,
                RemoteName,
                [$"+refs/heads/{branch}:refs/remotes/{RemoteName}/{branch}"],
                options,
                "gitops-runners: fetch before push"
            );
        }
        catch (UserCancelledException) when (ct.IsCancellationRequested)
        {
            throw new OperationCanceledException(ct);
        }
        catch (LibGit2SharpException ex)
        {
            throw new BuildException(
                $"Cannot fetch '{branch}' from {OriginUrl}: {Redact(ex.Message, token)}",
                ExitCodes.TargetFailed,
                ex
            );
        }

        return _repo.Lookup<Commit>(remoteSha)
            ?? throw new BuildException($"'{branch}' on {OriginUrl} moved while it was fetched; run the target again.");
    }

    private string? RemoteTip(string canonical, string branch, string? token)
    {
        try
        {
            var credentials = Credentials(token);
            var references = credentials is null
                ? _repo.Network.ListReferences(Origin())
                : _repo.Network.ListReferences(Origin(), credentials);
            return references
                .FirstOrDefault(r => r.CanonicalName == canonical)
                ?.ResolveToDirectReference()
                ?.TargetIdentifier;
        }
        catch (LibGit2SharpException ex)
        {
            throw new BuildException(
                $"Cannot list the branches of {OriginUrl} to find '{branch}': {Redact(ex.Message, token)}. Check the URL, network access and the token.",
                ExitCodes.TargetFailed,
                ex
            );
        }
    }

    private Remote Origin() =>
        _repo.Network.Remotes[RemoteName]
        ?? throw new BuildException(
            $"The repository at {Root} has no 'origin' remote. Add one with: git remote add origin https://github.com/<owner>/<repo>.git"
        );

    private GitPushException Rejected(string branch, string remoteMessage, string advice, Exception? inner) =>
        new(
            branch,
            remoteMessage,
            $"Pushing '{branch}' to {OriginUrl} was rejected: {remoteMessage}. {char.ToUpperInvariant(advice[0])}{advice[1..]}",
            inner
        );

    private static CredentialsHandler? Credentials(string? token) =>
        string.IsNullOrEmpty(token)
            ? null
            : (_, _, _) => new UsernamePasswordCredentials { Username = TokenUser, Password = token };

    private static string Redact(string text, string? token)
    {
        var withoutUserInfo = UserInfo().Replace(text, "://***@");
        return string.IsNullOrEmpty(token)
            ? withoutUserInfo
            : withoutUserInfo.Replace(token, "***", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"://[^/@\s]+@")]
    private static partial Regex UserInfo();
}
