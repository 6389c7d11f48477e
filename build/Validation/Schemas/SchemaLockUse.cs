using GitOpsRunners.Diagnostics;
using GitOpsRunners.Manifests;
using GitOpsRunners.Rendering;

namespace GitOpsRunners.Validation.Schemas;

/// <summary>
/// How one Validate run uses the repository's <see cref="SchemaLock"/>: loads it (a lock for another Kubernetes
/// version is reported and not used) and reports, once per kind, rendered kinds that the lock lacks.
/// </summary>
public sealed class SchemaLockUse(SchemaValidationOptions options)
{
    private readonly Dictionary<string, Manifest> _unlocked = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>The lock to use (null when there is none or it is for another version) and the problems found with it.</summary>
    public static (SchemaLock? Lock, IReadOnlyList<Finding> Findings) Load(
        string repositoryRoot,
        string kubernetesVersion
    )
    {
        var schemaLock = SchemaLock.Load(repositoryRoot);
        if (schemaLock is null)
        {
            return (null, []);
        }

        if (
            SchemaTemplateVariables.NormalizeKubernetesVersion(schemaLock.KubernetesVersion)
            != SchemaTemplateVariables.NormalizeKubernetesVersion(kubernetesVersion)
        )
        {
            return (
                null,
                [
                    new Finding(
                        SchemaLock.LockRule,
                        $"the schema lock pins Kubernetes {schemaLock.KubernetesVersion}, but this run checks {kubernetesVersion}; the lock is not used. Run {SchemaLock.LockCommand} --kubernetes-version {kubernetesVersion} to pin the schemas of that version.",
                        new SourceLocation(SchemaLock.DisplayPath, 1)
                    ),
                ]
            );
        }

        return (schemaLock, schemaLock.Problems);
    }

    /// <summary>A kubeconform location template that reads the lock's files.</summary>
    public static string Template(SchemaLock schemaLock) =>
        Path.Combine(schemaLock.Folder, "{{.Group}}/{{.ResourceKind}}_{{.ResourceAPIVersion}}.json");

    /// <summary>Remembers the first object of each kind of <paramref name="cluster"/> that <paramref name="registry"/> cannot find in the lock.</summary>
    public void Collect(RenderedCluster cluster, SchemaRegistry registry)
    {
        foreach (var manifest in cluster.Objects.Select(o => o.Manifest))
        {
            if (
                options.Skip.Contains(manifest.Kind)
                || options.Skip.Contains($"{manifest.ApiVersion}/{manifest.Kind}")
                || !registry.IsUnlocked(manifest.ApiVersion, manifest.Kind)
            )
            {
                continue;
            }

            lock (_gate)
            {
                _unlocked.TryAdd(manifest.ApiVersion + "|" + manifest.Kind, manifest);
            }
        }
    }

    /// <summary>One finding per kind the lock lacks, at its first object, naming the command that pins it.</summary>
    public IEnumerable<Finding> Findings(Rules.ISourceLocator locator)
    {
        lock (_gate)
        {
            return _unlocked
                .Values.Select(m => new Finding(
                    SchemaLock.UnlockedRule,
                    $"{m.Kind} ({m.ApiVersion}) has no schema in {SchemaLock.DisplayPath}, so it is checked only against local schema locations and never downloaded. Run {SchemaLock.LockCommand} to pin its schema.",
                    locator.Locate(m),
                    Object: m.Id
                ))
                .ToList();
        }
    }
}
