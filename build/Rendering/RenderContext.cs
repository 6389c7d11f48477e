using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using GitOpsRunners.Tools;

namespace GitOpsRunners.Rendering;

/// <summary>
/// What all clusters of one renderer share: the repository, the kustomize CLI behind a semaphore, the
/// build cache keyed on wrapper content, parsed source files and assembled artifacts.
/// Wrapper folders all sit at the same depth, so the same content means the same relative paths.
/// </summary>
internal sealed class RenderContext : IDisposable
{
    private readonly KustomizeCli _kustomize;
    private readonly SemaphoreSlim _builds;
    private readonly ConcurrentDictionary<string, Lazy<Task<BuildResult>>> _buildCache = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _copiedFrom = new(StringComparer.Ordinal);

    public RenderContext(RepositoryLayout layout, KustomizeCli kustomize, RenderOptions options)
    {
        Layout = layout with { Root = Path.GetFullPath(layout.Root) };
        Options = options;
        _kustomize = kustomize;
        _builds = new SemaphoreSlim(Math.Max(1, options.MaxParallelBuilds));
        TemporaryRoot = Path.Combine(Path.GetTempPath(), "gitops-render-" + Guid.NewGuid().ToString("N")[..12]);
        WrapperProbe = Path.Combine(TemporaryRoot, "w", "wrapper");
        Files = new ParsedFileCache(DisplayPath);
        Locator = new OriginLocator(Files, DisplayPath);
        Artifacts = new ArtifactAssembler(TemporaryRoot, _copiedFrom);
        Ignore = new SourceIgnore(Layout.Root);
        Inputs = new KustomizeInputGuard(DisplayPath);
    }

    public RepositoryLayout Layout { get; }
    public RenderOptions Options { get; }
    public string TemporaryRoot { get; }

    /// <summary>A folder at the depth of every wrapper; wrapper paths are made relative to it.</summary>
    public string WrapperProbe { get; }

    public ParsedFileCache Files { get; }
    public OriginLocator Locator { get; }
    public ArtifactAssembler Artifacts { get; }
    public SourceIgnore Ignore { get; }

    /// <summary>Refuses, before kustomize runs, inputs that are links, outside the source, or alias bombs.</summary>
    public KustomizeInputGuard Inputs { get; }

    /// <summary>Repository-relative path for a full path, following artifact copies back to their source.</summary>
    public string DisplayPath(string fullPath)
    {
        if (Layout.RelativeOrNull(fullPath) is { } relative)
        {
            return relative;
        }

        return _copiedFrom.TryGetValue(fullPath, out var source) ? Layout.RelativeOrNull(source) ?? source : fullPath;
    }

    public string RelativeToWrapper(string fullPath) => Path.GetRelativePath(WrapperProbe, fullPath).Replace('\\', '/');

    /// <summary>Builds a wrapper once per content; <paramref name="subject"/> names it in slow-build notices.</summary>
    public Task<BuildResult> BuildAsync(string wrapperContent, string subject, CancellationToken ct) =>
        _buildCache
            .GetOrAdd(wrapperContent, c => new Lazy<Task<BuildResult>>(() => RunBuildAsync(c, subject, ct)))
            .Value;

    /// <summary>kustomize's message with temporary wrapper paths turned back into repository paths.</summary>
    public string CleanMessage(string message) =>
        message
            .Replace(RelativeToWrapper(Layout.Root) + "/", "", StringComparison.Ordinal)
            .Replace(Layout.Root + "/", "", StringComparison.Ordinal);

    public void Dispose()
    {
        _builds.Dispose();
        try
        {
            if (Directory.Exists(TemporaryRoot))
            {
                Directory.Delete(TemporaryRoot, recursive: true);
            }
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    private async Task<BuildResult> RunBuildAsync(string content, string subject, CancellationToken ct)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)))[..16];
        var directory = Path.Combine(TemporaryRoot, "w", hash);
        Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(Path.Combine(directory, "kustomization.yaml"), content, ct).ConfigureAwait(false);
        await _builds.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var output = await _kustomize.BuildAsync(directory, subject, ct).ConfigureAwait(false);
            return new BuildResult(directory, output, null);
        }
        catch (KustomizeBuildException e)
        {
            return new BuildResult(directory, null, e);
        }
        finally
        {
            _builds.Release();
        }
    }
}
