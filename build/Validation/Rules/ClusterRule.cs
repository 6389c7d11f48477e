using GitOpsRunners.Diagnostics;

namespace GitOpsRunners.Validation.Rules;

/// <summary>
/// The built-in cluster rules: each passes the descriptors it declares (its own static properties) to this base,
/// which answers <see cref="IClusterRule.Descriptors"/> with them.
/// </summary>
public abstract class ClusterRule(params IReadOnlyList<RuleDescriptor> descriptors) : IClusterRule
{
    public IReadOnlyList<RuleDescriptor> Descriptors { get; } = descriptors;

    public abstract IEnumerable<Finding> Check(RuleContext context);
}
