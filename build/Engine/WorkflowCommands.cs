using System.Text;
using GitOpsRunners.Diagnostics;

namespace GitOpsRunners.Engine;

/// <summary>Escaping rules of GitHub Actions workflow commands (<c>::name key=value::data</c>).</summary>
public static class WorkflowCommands
{
    public static string EscapeData(string value) =>
        new StringBuilder(value).Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A").ToString();

    public static string EscapeProperty(string value) =>
        new StringBuilder(EscapeData(value)).Replace(":", "%3A").Replace(",", "%2C").ToString();

    /// <summary>An <c>::error</c>, <c>::warning</c> or <c>::notice</c> annotation, at <paramref name="location"/> when known.</summary>
    public static string Annotation(Severity severity, string message, SourceLocation? location)
    {
        var kind = severity switch
        {
            Severity.Error => "error",
            Severity.Warning => "warning",
            _ => "notice",
        };
        var properties = location is null
            ? ""
            : $" file={EscapeProperty(location.File)},line={location.Line}"
                + (location.Column > 0 ? $",col={location.Column}" : "");
        return $"::{kind}{properties}::{EscapeData(message)}";
    }
}
