namespace GitOpsRunners.Diagnostics;

/// <summary>
/// One result of a check. Printed as <c>path:line: severity rule-id message</c>.
/// <paramref name="Cluster"/> and <paramref name="Object"/> (e.g. <c>HelmRelease/flux-system/arc</c>) are set when known.
/// </summary>
public sealed record Finding(
    Severity Severity,
    string RuleId,
    string Message,
    SourceLocation? Location = null,
    string? Cluster = null,
    string? Object = null
)
{
    /// <summary>
    /// A finding of <paramref name="Rule"/> at its default severity. Internal, so that serializers see the one
    /// public constructor (stored reports are read back).
    /// </summary>
    internal Finding(
        RuleDescriptor Rule,
        string Message,
        SourceLocation? Location = null,
        string? Cluster = null,
        string? Object = null
    )
        : this(Rule.DefaultSeverity, Rule.Id, Message, Location, Cluster, Object) { }

    public override string ToString()
    {
        var where = Location?.ToString() ?? "-";
        return $"{where}: {Severity.ToString().ToLowerInvariant()} {RuleId} {Message}";
    }
}
