namespace GitOpsRunners.Tests.Fakes.GitHub;

/// <summary>
/// One repository's state in the fake: pull requests (numbered from 1), their comments, labels, commit
/// statuses, releases and branch refs. Seed it before the code under test runs; read it afterwards.
/// All members lock, so requests served on Kestrel threads and test code can share it.
/// </summary>
public sealed class FakeRepository(string owner, string name, Func<long> nextId)
{
    private readonly Lock _gate = new();
    private readonly List<FakePullRequest> _pullRequests = [];
    private readonly List<string> _labels = [];
    private readonly List<FakeCommitStatus> _statuses = [];
    private readonly List<FakeRelease> _releases = [];
    private readonly Dictionary<string, string> _branches = new(StringComparer.Ordinal);
    private readonly List<FakeWorkflowRun> _runs = [];
    private readonly List<FakeIssueComment> _comments = [];

    public string Owner { get; } = owner;
    public string Name { get; } = name;
    public string DefaultBranch { get; set; } = "main";

    public IReadOnlyList<FakePullRequest> PullRequests => Snapshot(_pullRequests);
    public IReadOnlyList<string> Labels => Snapshot(_labels);
    public IReadOnlyList<FakeCommitStatus> Statuses => Snapshot(_statuses);
    public IReadOnlyList<FakeRelease> Releases => Snapshot(_releases);
    public IReadOnlyList<FakeWorkflowRun> WorkflowRuns => Snapshot(_runs);
    public IReadOnlyList<FakeIssueComment> Comments => Snapshot(_comments);

    /// <summary>The comments of issue or pull request <paramref name="number"/>, oldest first.</summary>
    public IReadOnlyList<FakeIssueComment> CommentsOn(long number) =>
        [.. Comments.Where(c => c.IssueNumber == number).OrderBy(c => c.Id)];

    public FakeIssueComment AddComment(long number, string body, string author = "octocat")
    {
        lock (_gate)
        {
            var comment = new FakeIssueComment
            {
                Id = nextId(),
                IssueNumber = number,
                Author = author,
                Body = body,
            };
            _comments.Add(comment);
            return comment;
        }
    }

    public FakeIssueComment? Comment(long id)
    {
        lock (_gate)
        {
            return _comments.FirstOrDefault(c => c.Id == id);
        }
    }

    /// <summary>How dispatched runs end once they complete (e.g. "success", "failure"); null keeps them running forever.</summary>
    public string? DispatchedRunConclusion { get; set; } = "success";

    public FakeWorkflowRun Dispatch(string workflow, string gitRef, IReadOnlyDictionary<string, string> inputs)
    {
        lock (_gate)
        {
            var run = new FakeWorkflowRun(nextId(), workflow, gitRef, inputs, DateTimeOffset.UtcNow, "queued", null);
            _runs.Add(run);
            return run;
        }
    }

    /// <summary>The runs of a workflow, newest first, each moved one step towards completion.</summary>
    public IReadOnlyList<FakeWorkflowRun> AdvanceRuns(string workflow)
    {
        lock (_gate)
        {
            for (var i = 0; i < _runs.Count; i++)
            {
                var run = _runs[i];
                if (run.Workflow != workflow)
                {
                    continue;
                }

                _runs[i] = run.Status switch
                {
                    "queued" => run with { Status = "in_progress" },
                    "in_progress" when DispatchedRunConclusion is { } conclusion => run with
                    {
                        Status = "completed",
                        Conclusion = conclusion,
                    },
                    _ => run,
                };
            }

            return [.. _runs.Where(r => r.Workflow == workflow).OrderByDescending(r => r.Id)];
        }
    }

    public FakePullRequest AddPullRequest(
        string head,
        string @base,
        string title,
        string body = "",
        string? headOwner = null,
        string state = "open"
    )
    {
        lock (_gate)
        {
            var pullRequest = new FakePullRequest
            {
                Number = _pullRequests.Count + 1,
                HeadOwner = headOwner ?? Owner,
                Head = head,
                Base = @base,
                Title = title,
                Body = body,
                State = state,
                HeadSha = _branches.GetValueOrDefault(head, new string('a', 40)),
            };
            _pullRequests.Add(pullRequest);
            return pullRequest;
        }
    }

    public FakeRelease AddRelease(string tag, DateTimeOffset publishedAt, bool prerelease = false, bool draft = false)
    {
        lock (_gate)
        {
            var release = new FakeRelease(nextId(), tag, publishedAt, prerelease, draft);
            _releases.Add(release);
            return release;
        }
    }

    /// <summary>Adds a label; false when it exists already (names compare without case, as on GitHub).</summary>
    public bool AddLabel(string label)
    {
        lock (_gate)
        {
            if (_labels.Contains(label, StringComparer.OrdinalIgnoreCase))
            {
                return false;
            }

            _labels.Add(label);
            return true;
        }
    }

    public void SetBranch(string branch, string sha)
    {
        lock (_gate)
        {
            _branches[branch] = sha;
        }
    }

    public string? BranchSha(string branch)
    {
        lock (_gate)
        {
            return _branches.GetValueOrDefault(branch);
        }
    }

    public FakePullRequest? PullRequest(long number)
    {
        lock (_gate)
        {
            return _pullRequests.FirstOrDefault(p => p.Number == number);
        }
    }

    public FakeCommitStatus AddStatus(string sha, string state, string? context, string? description, string? targetUrl)
    {
        lock (_gate)
        {
            var status = new FakeCommitStatus(nextId(), sha, state, context, description, targetUrl);
            _statuses.Add(status);
            return status;
        }
    }

    /// <summary>Runs <paramref name="change"/> under the repository's lock (used by the routes).</summary>
    public T Locked<T>(Func<T> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (_gate)
        {
            return change();
        }
    }

    private List<T> Snapshot<T>(List<T> items)
    {
        lock (_gate)
        {
            return [.. items];
        }
    }
}
