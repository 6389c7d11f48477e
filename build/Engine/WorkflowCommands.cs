using System.Text;

namespace GitOpsRunners.Engine;

/// <summary>Escaping rules of GitHub Actions workflow commands (<c>::name key=value::data</c>).</summary>
public static class WorkflowCommands
{
    public static string EscapeData(string value) =>
        new StringBuilder(value).Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A").ToString();

    public static string EscapeProperty(string value) =>
        new StringBuilder(EscapeData(value)).Replace(":", "%3A").Replace(",", "%2C").ToString();
}
