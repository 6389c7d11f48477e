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

    private readonly string _executable;
    private readonly bool _viaKubectl;
    private readonly System.Collections.Concurrent.ConcurrentQueue<KustomizeInvocation> _invocations = new();

    private KustomizeCli(string executable, bool viaKubectl)
    {
        _executable = executable;
        _viaKubectl = viaKubectl;
    }

    /// <summary>How builds run, e.g. <c>kubectl kustomize</c>.</summary>
    public string Description => _viaKubectl ? $"{_executable} kustomize" : $"{_executable} build";

    /// <summary>Every build this instance ran, in completion order (for benchmarks and diagnostics).</summary>
    public IReadOnlyCollection<KustomizeInvocation> Invocations => _invocations;

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
    /// <exception cref="KustomizeBuildException">kustomize reported an error about the files.</exception>
    public async Task<string> BuildAsync(string directory, CancellationToken ct)
    {
        var arguments = Arguments(directory);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        BufferedCommandResult result;
        try
        {
            result = await Cli.Wrap(_executable)
                .WithArguments(arguments)
                .WithValidation(CommandResultValidation.None)
                .ExecuteBufferedAsync(ct)
                .ConfigureAwait(false);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new ToolMissingException(_executable, $"{HowToInstall} ({e.Message})");
        }

        _invocations.Enqueue(
            new KustomizeInvocation(directory, System.Diagnostics.Stopwatch.GetElapsedTime(started), result.ExitCode)
        );
        return result.ExitCode == 0
            ? result.StandardOutput
            : throw new KustomizeBuildException(directory, UsefulLine(result.StandardError), result.StandardError);
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
