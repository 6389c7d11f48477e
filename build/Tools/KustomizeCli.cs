using System.Text.RegularExpressions;
using CliWrap;
using CliWrap.Buffered;

namespace GitOpsRunners.Tools;

/// <summary>
/// Runs <c>kustomize build</c> (or <c>kubectl kustomize</c> when kustomize is not installed) with load
/// restrictions off, as Flux's kustomize-controller does.
/// </summary>
public sealed partial class KustomizeCli
{
    private const string HowToInstall =
        "Install kustomize (https://kubectl.docs.kubernetes.io/installation/kustomize/) or kubectl, which embeds it, and put it on PATH.";

    /// <summary>How long one build may run when nobody says otherwise.</summary>
    public static readonly TimeSpan DefaultTimeLimit = TimeSpan.FromMinutes(2);

    private readonly string _executable;
    private readonly bool _viaKubectl;
    private readonly System.Collections.Concurrent.ConcurrentQueue<KustomizeInvocation> _invocations = new();
    private Action<string>? _slowNotice;
    private Action<string>? _verboseLog;
    private TimeSpan _slowAfter = TimeSpan.FromSeconds(10);

    private KustomizeCli(string executable, bool viaKubectl)
    {
        _executable = executable;
        _viaKubectl = viaKubectl;
    }

    /// <summary>How long one build may run before it is stopped and reported as failed.</summary>
    public TimeSpan TimeLimit { get; private set; } = DefaultTimeLimit;

    /// <summary>The same tool with another <see cref="TimeLimit"/>.</summary>
    public KustomizeCli WithTimeLimit(TimeSpan limit) =>
        new(_executable, _viaKubectl)
        {
            TimeLimit = limit,
            _slowNotice = _slowNotice,
            _slowAfter = _slowAfter,
            _verboseLog = _verboseLog,
        };

    /// <summary>
    /// The same tool, telling <paramref name="notice"/> which build is still running each time another
    /// <paramref name="after"/> has passed (a line per interval, so a silent wait always has a name).
    /// </summary>
    public KustomizeCli WithSlowBuildNotice(TimeSpan after, Action<string> notice) =>
        new(_executable, _viaKubectl)
        {
            TimeLimit = TimeLimit,
            _slowNotice = notice,
            _slowAfter = after,
            _verboseLog = _verboseLog,
        };

    /// <summary>The same tool, writing kustomize's full message to <paramref name="log"/> when a finding shows it cut short.</summary>
    public KustomizeCli WithVerboseLog(Action<string> log) =>
        new(_executable, _viaKubectl)
        {
            TimeLimit = TimeLimit,
            _slowNotice = _slowNotice,
            _slowAfter = _slowAfter,
            _verboseLog = log,
        };

    /// <summary>How builds run, e.g. <c>kubectl kustomize</c>.</summary>
    public string Description => _viaKubectl ? $"{_executable} kustomize" : $"{_executable} build";

    /// <summary>Every build this instance ran, in completion order (for benchmarks and diagnostics).</summary>
    public IReadOnlyCollection<KustomizeInvocation> Invocations => _invocations;

    /// <summary>
    /// What names this exact tool for a build cache: the executable's full path, size and modification time and
    /// how builds run (the arguments a build passes besides its folder). A new binary changes it.
    /// </summary>
    public string Identity
    {
        get
        {
            var file = new FileInfo(_executable);
            var stamp = file.Exists ? $"{file.Length}\n{file.LastWriteTimeUtc.Ticks}" : "missing";
            return $"{_executable}\n{stamp}\n{string.Join(' ', Arguments(""))}";
        }
    }

    /// <summary>
    /// The version the tool reports (<c>kustomize version</c>, <c>kubectl version --client</c>) on one line, or null
    /// when it does not answer within <see cref="TimeLimit"/> or with exit code 0.
    /// </summary>
    /// <exception cref="ToolMissingException">The executable cannot be started.</exception>
    public async Task<string?> VersionAsync(CancellationToken ct)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(TimeLimit);
        try
        {
            var result = await Cli.Wrap(_executable)
                .WithArguments(_viaKubectl ? ["version", "--client"] : ["version"])
                .WithValidation(CommandResultValidation.None)
                .ExecuteBufferedAsync(limit.Token)
                .ConfigureAwait(false);
            return result.ExitCode == 0 ? Whitespace().Replace(result.StandardOutput.Trim(), " ") : null;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new ToolMissingException(_executable, $"{HowToInstall} ({e.Message})");
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return null;
        }
    }

    /// <summary>The executable and arguments of a build of <paramref name="directory"/>.</summary>
    public IReadOnlyList<string> CommandLine(string directory) => [_executable, .. Arguments(directory)];

    /// <summary>Finds <c>kustomize</c>, else <c>kubectl</c>, on PATH.</summary>
    /// <exception cref="ToolMissingException">Neither is installed.</exception>
    public static KustomizeCli Locate() => Locate(Environment.GetEnvironmentVariable("PATH"));

    /// <summary>Finds the tools on the given PATH value.</summary>
    public static KustomizeCli Locate(string? path)
    {
        if (FindOnPath("kustomize", path) is { } kustomize)
        {
            return new KustomizeCli(kustomize, viaKubectl: false);
        }

        return FindOnPath("kubectl", path) is { } kubectl
            ? new KustomizeCli(kubectl, viaKubectl: true)
            : throw new ToolMissingException("kustomize", HowToInstall);
    }

    /// <summary>Builds the kustomization in <paramref name="directory"/> and returns the YAML stream.</summary>
    /// <exception cref="KustomizeBuildException">kustomize reported an error about the files, or ran past <see cref="TimeLimit"/>.</exception>
    public Task<string> BuildAsync(string directory, CancellationToken ct) => BuildAsync(directory, directory, ct);

    /// <summary>
    /// Builds the kustomization in <paramref name="directory"/>; <paramref name="subject"/> names it for people
    /// (e.g. the Flux Kustomization) in the slow-build notice.
    /// </summary>
    /// <exception cref="KustomizeBuildException">kustomize reported an error about the files, or ran past <see cref="TimeLimit"/>.</exception>
    public async Task<string> BuildAsync(string directory, string subject, CancellationToken ct)
    {
        var arguments = Arguments(directory);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        BufferedCommandResult result;
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(TimeLimit);
        using var slow = _slowNotice is { } notice
            ? new Timer(
                _ =>
                {
                    var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started);
                    if (elapsed < TimeLimit)
                    {
                        notice(
                            $"kustomize is still building {subject} after {Engine.DurationFormat.Format(elapsed)} (it is stopped at {Engine.DurationFormat.Format(TimeLimit)})"
                        );
                    }
                },
                null,
                _slowAfter,
                _slowAfter
            )
            : null;
        try
        {
            result = await Cli.Wrap(_executable)
                .WithArguments(arguments)
                .WithValidation(CommandResultValidation.None)
                .ExecuteBufferedAsync(limit.Token)
                .ConfigureAwait(false);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new ToolMissingException(_executable, $"{HowToInstall} ({e.Message})");
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            _invocations.Enqueue(
                new KustomizeInvocation(directory, System.Diagnostics.Stopwatch.GetElapsedTime(started), -1)
            );
            var problem =
                $"kustomize did not finish within {Engine.DurationFormat.Format(TimeLimit)} and was stopped (a remote resource that never answers, a huge file or YAML aliases that expand without end keep it busy); fix the input, or raise --kustomize-timeout if the build is only slow";
            throw new KustomizeBuildException(directory, problem, problem);
        }

        _invocations.Enqueue(
            new KustomizeInvocation(directory, System.Diagnostics.Stopwatch.GetElapsedTime(started), result.ExitCode)
        );
        if (result.ExitCode == 0)
        {
            return result.StandardOutput;
        }

        var line = UsefulLine(result.StandardError);
        if (line.Length > ToolText.ReadableLength)
        {
            _verboseLog?.Invoke(
                $"kustomize build of {subject} failed; its full message:\n{result.StandardError.Trim()}"
            );
        }

        throw new KustomizeBuildException(directory, ToolText.Shorten(line), result.StandardError);
    }

    private string[] Arguments(string directory) =>
        _viaKubectl
            ? ["kustomize", "--load-restrictor=LoadRestrictionsNone", directory]
            : ["build", "--load-restrictor=LoadRestrictionsNone", directory];

    /// <summary>The error itself from kustomize's stderr: klog prefixes and "Error:" removed, one line.</summary>
    public static string UsefulLine(string standardError)
    {
        var text = standardError.Trim();
        var klog = KlogError().Match(text);
        if (klog.Success)
        {
            text = Regex.Unescape(klog.Groups["err"].Value);
        }
        else
        {
            var errorLine = text.Split('\n')
                .Select(l => l.Trim())
                .FirstOrDefault(l => l.StartsWith("Error:", StringComparison.Ordinal));
            text = errorLine is null ? text : errorLine["Error:".Length..];
        }

        text = Whitespace().Replace(text, " ").Trim();
        text = InnermostAccumulationError(text);
        return text.Length == 0 ? "kustomize failed without an error message" : text;
    }

    private static string InnermostAccumulationError(string text)
    {
        const string Marker = "accumulation err='";
        const string Tail = "': must build at directory";
        while (text.IndexOf(Marker, StringComparison.Ordinal) is var start and >= 0)
        {
            var inner = text[(start + Marker.Length)..];
            var end = inner.LastIndexOf(Tail, StringComparison.Ordinal);
            text = end >= 0 ? inner[..end] : inner;
        }

        return text;
    }

    private static string? FindOnPath(string name, string? path)
    {
        var names = OperatingSystem.IsWindows() ? new[] { name + ".exe", name + ".cmd", name } : [name];
        foreach (var directory in (path ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var candidate in names)
            {
                var full = Path.Combine(directory, candidate);
                if (File.Exists(full))
                {
                    return full;
                }
            }
        }

        return null;
    }

    [GeneratedRegex(@"err=""(?<err>(?:[^""\\]|\\.)*)""")]
    private static partial Regex KlogError();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
