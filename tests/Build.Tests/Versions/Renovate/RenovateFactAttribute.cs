namespace GitOpsRunners.Tests.Versions.Renovate;

/// <summary>
/// A test that runs the real Renovate: skipped, with the reason, when <see cref="RenovateInstall"/> finds
/// none (<c>.ci/run</c> installs it and sets <c>GITOPS_TEST_RENOVATE</c>).
/// </summary>
public sealed class RenovateFactAttribute : FactAttribute
{
    public RenovateFactAttribute()
    {
        if (RenovateInstall.Home is null)
        {
            Skip =
                "Renovate is not installed: run .ci/install-renovate.sh and set GITOPS_TEST_RENOVATE to its folder (.nuke/temp/renovate), as .ci/run does.";
        }
    }
}
