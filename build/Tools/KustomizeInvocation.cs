namespace GitOpsRunners.Tools;

/// <summary>One kustomize build: the directory, how long it took and its exit code.</summary>
public sealed record KustomizeInvocation(string Directory, TimeSpan Elapsed, int ExitCode);
