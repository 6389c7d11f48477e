namespace GitOpsRunners.Rendering;

/// <summary>One <c>spec.postBuild.substituteFrom</c> entry.</summary>
public sealed record SubstituteReference(string Kind, string Name, bool Optional);
