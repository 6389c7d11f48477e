namespace GitOpsRunners.Validation.Reports;

public enum ReportFormat
{
    Text,
    Json,
    Sarif,
    Junit,
}
