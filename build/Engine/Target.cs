namespace GitOpsRunners.Engine;

/// <summary>
/// A target as declared on the build class: <c>Target Validate => _ => _.DependsOn(Restore).Executes(...)</c>.
/// The delegate only configures the definition it is given; nothing runs until the plan is executed.
/// </summary>
public delegate ITargetDefinition Target(ITargetDefinition _);
