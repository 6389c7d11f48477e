namespace GitOpsRunners.Tests.Versions.Renovate;

/// <summary>
/// The Renovate that <c>.ci/install-renovate.sh</c> installed, found through <c>GITOPS_TEST_RENOVATE</c>
/// (its folder, holding <c>bin/renovate</c> and <c>bin/renovate-config-validator</c>).
/// </summary>
public static class RenovateInstall
{
    public const string Variable = "GITOPS_TEST_RENOVATE";

    public static string? Home =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } home
        && File.Exists(Path.Combine(home, "bin", "renovate"))
            ? home
            : null;

    public static string Renovate => Tool("renovate");

    public static string ConfigValidator => Tool("renovate-config-validator");

    private static string Tool(string name) =>
        Path.Combine(
            Home ?? throw new InvalidOperationException($"{Variable} does not name a Renovate installation."),
            "bin",
            name
        );
}
