namespace GitOpsRunners.Rendering;

/// <summary>The file names kustomize recognises as a kustomization.</summary>
internal static class KustomizeFiles
{
    public static readonly string[] Names = ["kustomization.yaml", "kustomization.yml", "Kustomization"];

    public static bool HasKustomization(string directory) => Names.Any(n => File.Exists(Path.Combine(directory, n)));
}
