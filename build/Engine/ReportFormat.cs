namespace GitOpsRunners.Engine;

/// <summary>How findings are reported (<c>--format</c>).</summary>
public enum ReportFormat
{
    Text,
    Json,
    Sarif,
    Junit,
}
