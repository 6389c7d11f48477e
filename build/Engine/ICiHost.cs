using GitOpsRunners.Diagnostics;

namespace GitOpsRunners.Engine;

/// <summary>What the environment the build runs in can do beyond plain output (GitHub Actions, or a local shell).</summary>
public interface ICiHost
{
    /// <summary>True when the host renders annotations and groups (not a local shell).</summary>
    bool IsCi { get; }

    void BeginGroup(string name);

    void EndGroup();

    /// <summary>Reports a finding where the CI shows it (e.g. on the pull request diff).</summary>
    void Annotate(Severity severity, string message, SourceLocation? location);

    /// <summary>Appends markdown to the job's summary page.</summary>
    void AppendStepSummary(string markdown);

    /// <summary>Asks the CI to hide <paramref name="secret"/> wherever it would appear in the log.</summary>
    void Mask(string secret);
}
