namespace GitOpsRunners.Tests.Support;

/// <summary>
/// Data outside the repository (schemas, real Flux repositories) reached only through environment
/// variables that <c>.ci/run</c> sets. Tests that need it skip with a reason when it is absent.
/// </summary>
public static class SharedData
{
    /// <summary>Folder holding <c>kubernetes/</c>, <c>crds/</c>, <c>renovate/</c> schema folders.</summary>
    public static string? SchemasRoot => Existing(Environment.GetEnvironmentVariable("GITOPS_TEST_SCHEMAS"));

    /// <summary>Folder holding real Flux repositories (flux2-kustomize-helm-example, flux-local-testdata).</summary>
    public static string? FixtureReposRoot => Existing(Environment.GetEnvironmentVariable("GITOPS_TEST_FIXTURE_REPOS"));

    private static string? Existing(string? path) =>
        !string.IsNullOrEmpty(path) && Directory.Exists(path) ? path : null;
}
