using GitOpsRunners.Diagnostics;

namespace GitOpsRunners.Validation.Rules;

/// <summary>A pure check over one rendered cluster.</summary>
public interface IClusterRule
{
    IEnumerable<Finding> Check(RuleContext context);
}
