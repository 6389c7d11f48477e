using System.Text;
using GitOpsRunners.Diagnostics;
using GitOpsRunners.Engine;
using GitOpsRunners.Rendering;
using GitOpsRunners.Validation;
using GitOpsRunners.Validation.Diff;
using GitOpsRunners.Versions.Editing;
using GitOpsRunners.Versions.Pins;
using GitOpsRunners.Versions.Planning;

namespace GitOpsRunners.Promotion;

/// <summary>
/// A private copy of the repository at one commit, where a promotion is planned, applied and checked before
/// anything outside it is touched. Disposing it deletes the copy.
/// </summary>
public sealed class PromotionWorkspace : IDisposable
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private PromotionWorkspace(string root, string sha)
    {
        Root = root;
        Sha = sha;
    }

    /// <summary>The folder holding the copy.</summary>
    public string Root { get; }

    /// <summary>The commit the copy was written from.</summary>
    public string Sha { get; }

    /// <summary>Writes the files of <paramref name="sha"/> of the repository at <paramref name="repositoryRoot"/> into a new folder under <paramref name="parent"/>.</summary>
    public static PromotionWorkspace Export(string repositoryRoot, string sha, string parent, CancellationToken ct)
    {
        var root = Path.Combine(parent, sha[..12] + "-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            GitRevisionExport.Export(repositoryRoot, sha, root, ct);
        }
        catch
        {
            Delete(root);
            throw;
        }

        return new PromotionWorkspace(root, sha);
    }

    /// <summary>Renders both clusters of <paramref name="route"/> and plans which of the target's pins take the source's values.</summary>
    public async Task<PromotionDraft> PlanAsync(
        FluxRenderer renderer,
        PromotionRoute route,
        string kubernetesFolder,
        string? only,
        CancellationToken ct
    )
    {
        ArgumentNullException.ThrowIfNull(renderer);
        ArgumentNullException.ThrowIfNull(route);
        var layout = new RepositoryLayout(Root, kubernetesFolder);
        var source = Renderable(await renderer.RenderAsync(layout, route.From, ct).ConfigureAwait(false));
        var target = Renderable(await renderer.RenderAsync(layout, route.To, ct).ConfigureAwait(false));
        var reader = new PinSourceReader(Root);
        var sourcePins = PinInventory.Find(source, await reader.ReadAsync(source, ct).ConfigureAwait(false));
        var targetPins = PinInventory.Find(target, await reader.ReadAsync(target, ct).ConfigureAwait(false));
        if (only is not null && !sourcePins.Any(new BumpPolicy(Only: only).Selects))
        {
            var known = sourcePins
                .Select(p => p.Component.Split('/')[^1])
                .Concat(sourcePins.Select(p => p.GroupName))
                .Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal);
            throw new UsageException(
                $"--only {only}: {route.From} has no pin of that component, variable or group; use one of {string.Join(", ", known)}."
            );
        }

        var plan = PromotionPlanner.Plan(sourcePins, targetPins, only);
        return new PromotionDraft(route, Sha, plan, sourcePins, target);
    }

    /// <summary>Applies the plan's edits to the copy (all or nothing) and returns the new content of each edited file.</summary>
    public async Task<IReadOnlyDictionary<string, string>> ApplyAsync(PromotionPlan plan, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(plan);
        await new YamlFileEditor(Root).ApplyAsync(plan.Edits, ct).ConfigureAwait(false);
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in plan.Edits.Select(e => e.File).Distinct(StringComparer.Ordinal))
        {
            files[file] = Utf8.GetString(
                await File.ReadAllBytesAsync(Path.Combine(Root, file), ct).ConfigureAwait(false)
            );
        }

        return files;
    }

    public void Dispose() => Delete(Root);

    private static RenderedCluster Renderable(RenderedCluster cluster)
    {
        if (cluster.Findings.FirstOrDefault(f => f.Severity == Severity.Error) is { } broken)
        {
            throw new BuildException(
                $"{cluster.Name} does not render, so its pins cannot be read: {broken}. Run ./build.sh Validate --cluster {cluster.Name} and fix it first."
            );
        }

        return cluster;
    }

    private static void Delete(string root)
    {
        try
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
