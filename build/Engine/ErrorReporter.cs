using Spectre.Console;

namespace GitOpsRunners.Engine;

/// <summary>
/// Prints an error as one line: a <see cref="BuildException"/> by its message, anything else by type and
/// message, never wrapped. Stack traces only at <see cref="Verbosity.Verbose"/>. Secret values are redacted.
/// </summary>
public sealed class ErrorReporter(IAnsiConsole console, Verbosity verbosity, SecretRedactor redactor)
{
    public string Describe(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var inner = Unwrap(exception);
        var text = inner is BuildException ? inner.Message : $"{inner.GetType().FullName}: {inner.Message}";
        return redactor.Redact(text);
    }

    public void Report(Exception exception, string? target = null)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var prefix = target is null ? "error" : $"error in {target}";
        var message = Describe(exception);
        console.Markup($"[red bold]{Markup.Escape(prefix)}:[/]");
        console.Profile.Out.Writer.WriteLine(" " + message);
        console.Profile.Out.Writer.Flush();
        if (verbosity == Verbosity.Verbose)
        {
            console.WriteLine(redactor.Redact(Unwrap(exception).ToString()), new Style(Color.Grey));
        }
    }

    public static Exception Unwrap(Exception exception) =>
        exception switch
        {
            AggregateException { InnerExceptions.Count: 1 } aggregate => Unwrap(aggregate.InnerExceptions[0]),
            System.Reflection.TargetInvocationException { InnerException: { } inner } => Unwrap(inner),
            _ => exception,
        };
}
