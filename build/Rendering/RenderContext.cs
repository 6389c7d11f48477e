using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using GitOpsRunners.Tools;

namespace GitOpsRunners.Rendering;

/// <summary>
/// What all clusters of one renderer share: the repository, the source artifacts in a scratch folder, the
/// kustomize CLI behind a semaphore, the build cache keyed on everything a build depends on
/// (<see cref="KustomizationBuild.Key"/>), and parsed source files.
/// </summary>
internal sealed class RenderContext : IDisposable
{
    private readonly KustomizeCli _kustomize;
    private readonly SemaphoreSlim _builds;
    private readonly ConcurrentDictionary<string, Lazy<Task<BuildResult>>> _buildCache = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _copiedFrom = new(StringComparer.Ordinal);
    private readonly BuildInputHasher _inputs = new(new ConcurrentDictionary<string, string>(StringComparer.Ordinal));
    private readonly Lazy<Task<string?>>? _tool;
    private readonly ConcurrentDictionary<string, GeneratedKustomization> _generated = new(StringComparer.Ordinal);

    public RenderContext(RepositoryLayout layout, KustomizeCli kustomize, RenderOptions options)
    {
        Layout = layout with { Root = Path.GetFullPath(layout.Root) };
        Options = options;
        _kustomize = kustomize;
        _builds = new SemaphoreSlim(Math.Max(1, options.MaxParallelBuilds));
        TemporaryRoot = Path.Combine(Path.GetTempPath(), "gitops-render-" + Guid.NewGuid().ToString("N")[..12]);
        Sources = new ArtifactStore(Layout, TemporaryRoot);
        Inputs = new KustomizeInputGuard(DisplayPath);
        Files = new ParsedFileCache(DisplayPath);
        Locator = new OriginLocator(Files, DisplayPath);
        Artifacts = new ArtifactAssembler(TemporaryRoot, _copiedFrom);
        if (options.BuildCache is { } cache)
        {
            _tool = new Lazy<Task<string?>>(() => cache.ToolAsync(kustomize, CancellationToken.None));
        }
    }

    public RepositoryLayout Layout { get; }
    public RenderOptions Options { get; }
    public string TemporaryRoot { get; }
    public ArtifactStore Sources { get; }

    /// <summary>Refuses, before kustomize runs, inputs outside the source or whose YAML aliases expand past the bound.</summary>
    public KustomizeInputGuard Inputs { get; }
    public ParsedFileCache Files { get; }
    public OriginLocator Locator { get; }
    public ArtifactAssembler Artifacts { get; }

    /// <summary>
    /// Repository path for a full path: artifact files map back to the repository file they came from
    /// (through artifact copies), files of this checkout to their repository-relative path.
    /// </summary>
    public string DisplayPath(string fullPath)
    {
        if (_copiedFrom.TryGetValue(fullPath, out var source))
        {
            return DisplayPath(source);
        }

        return Sources.Display(fullPath) ?? Layout.RelativeOrNull(fullPath) ?? fullPath;
    }

    /// <summary>The file an assembled artifact file was copied from.</summary>
    public string CopiedFrom(string fullPath) => _copiedFrom.GetValueOrDefault(fullPath, fullPath);

    /// <summary>
    /// <see cref="KustomizationGenerator.Generate"/> for a folder, once per renderer for the same inputs (files do not
    /// change during a run, and a folder every cluster renders asks the same).
    /// </summary>
    public GeneratedKustomization Generate(
        string directory,
        string? existing,
        IReadOnlyList<string> resources,
        FluxKustomization spec
    ) =>
        _generated.GetOrAdd(
            directory + "\0" + KustomizationGenerator.InputsOf(existing, resources, spec),
            _ =>
                KustomizationGenerator.Generate(
                    existing,
                    resources,
                    spec,
                    path => Path.Exists(Path.Combine(directory, path))
                )
        );

    public Task<BuildResult> BuildAsync(KustomizationBuild build, CancellationToken ct) =>
        _buildCache.GetOrAdd(build.Key, _ => new Lazy<Task<BuildResult>>(() => RunBuildAsync(build, ct))).Value;

    /// <summary>kustomize's message with scratch paths turned back into repository paths.</summary>
    public string CleanMessage(string message, BuildResult build) =>
        Sources
            .CleanMessage(
                message.Replace(build.BuildRoot + "/", build.Build.Artifact.MessagePrefix, StringComparison.Ordinal)
            )
            .Replace(TemporaryRoot + "/", "", StringComparison.Ordinal)
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

    /// <summary>An output that names a scratch folder would be wrong in another run, so it is never stored.</summary>
    private bool MentionsScratch(string output, KustomizationBuild build, string root) =>
        output.Contains(TemporaryRoot, StringComparison.Ordinal)
        || output.Contains(root, StringComparison.Ordinal)
        || output.Contains(build.Artifact.Root, StringComparison.Ordinal)
        || output.Contains(Layout.Root, StringComparison.Ordinal);

    /// <summary>
    /// Builds in a scratch tree; with a <see cref="RenderOptions.BuildCache"/>, a successful build is stored under the
    /// hash of its inputs and later builds with the same inputs read it instead of running kustomize (failures are
    /// always rebuilt, since their messages name this run's scratch folders).
    /// </summary>
    private async Task<BuildResult> RunBuildAsync(KustomizationBuild build, CancellationToken ct)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(build.Key)))[..16];
        var root = Path.Combine(TemporaryRoot, "b", hash);
        var cache = Options.BuildCache;
        var tool = cache is null ? null : await _tool!.Value.ConfigureAwait(false);
        var key = tool is null ? null : _inputs.Compute(build, tool).Value;
        if (key is not null && cache!.TryRead(key) is { } cached)
        {
            // Nothing runs in the tree, so it is only named (paths in the output map back through it), not made.
            return new BuildResult(build, root, BuildTree.BuiltFolder(build, root), cached, null);
        }

        var directory = BuildTree.Materialize(build, root);

        await _builds.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var output = await _kustomize.BuildAsync(directory, ct).ConfigureAwait(false);
            if (key is not null && !MentionsScratch(output, build, root))
            {
                cache!.Write(key, output);
            }

            return new BuildResult(build, root, directory, output, null);
        }
        catch (KustomizeBuildException e)
        {
            return new BuildResult(build, root, directory, null, e);
        }
        finally
        {
            _builds.Release();
        }
    }
}
