namespace GitOpsRunners.Engine;

/// <summary>Where a parameter's value came from, highest precedence first.</summary>
public enum ParameterSource
{
    CommandLine,
    Environment,
    ProfileFile,
    DefaultFile,
    Default,
}
