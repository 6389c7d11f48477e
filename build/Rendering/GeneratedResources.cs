using GitOpsRunners.Diagnostics;
using GitOpsRunners.Manifests;

namespace GitOpsRunners.Rendering;

/// <summary>
/// The resource list Flux generates for a folder without a kustomization file: every <c>*.yaml</c>/<c>*.yml</c>
/// below it in lexical order, except that a sub-folder with its own kustomization file is one resource.
/// Files that are not Kubernetes YAML make Flux fail; they are reported and left out. The folder is in the
/// source artifact, so what the source ignores is already gone (fluxcd/pkg <c>scanManifests</c>).
/// </summary>
internal static class GeneratedResources
{
    public static (IReadOnlyList<string> Resources, IReadOnlyList<Finding> Findings) Scan(
        string directory,
        ParsedFileCache files
    )
    {
        var resources = new List<string>();
        var findings = new List<Finding>();
        Walk(directory, files, resources, findings);
        return (resources, findings);
    }

    private static void Walk(string directory, ParsedFileCache files, List<string> resources, List<Finding> findings)
    {
        foreach (var entry in Directory.GetFileSystemEntries(directory).Order(StringComparer.Ordinal))
        {
            if (Directory.Exists(entry))
            {
                if (KustomizeFiles.HasKustomization(entry))
                {
                    resources.Add(entry);
                }
                else
                {
                    Walk(entry, files, resources, findings);
                }

                continue;
            }

            if (!entry.EndsWith(".yaml", StringComparison.Ordinal) && !entry.EndsWith(".yml", StringComparison.Ordinal))
            {
                continue;
            }

            var loaded = files.Get(entry);
            var problem = loaded.Findings.FirstOrDefault(f => f.Severity == Severity.Error);
            var notAnObject = loaded.Documents.FirstOrDefault(d =>
                d.Root.ScalarAt("kind") is null || d.Root.ScalarAt("apiVersion") is null
            );
            if (problem is not null)
            {
                findings.Add(
                    problem with
                    {
                        Message = $"Flux cannot generate a kustomization for this folder: {problem.Message}",
                    }
                );
            }
            else if (notAnObject is not null)
            {
                findings.Add(
                    new Finding(
                        RenderRules.GenerateFailed,
                        "this file is in a folder Flux turns into a kustomization, but it is not a Kubernetes object (no apiVersion/kind), so Flux fails to decode it. Move it out of the folder, add a kustomization.yaml that lists the real resources, or list it in .sourceignore.",
                        notAnObject.Location
                    )
                );
            }
            else
            {
                resources.Add(entry);
            }
        }
    }
}
