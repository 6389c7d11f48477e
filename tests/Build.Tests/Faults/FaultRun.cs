using System.Diagnostics;
using GitOpsRunners.Tests.Support;

namespace GitOpsRunners.Tests.Faults;

/// <summary>One in-process run of the build against a misbehaving input: exit code, what it printed, how long it took.</summary>
public sealed record FaultRun(int ExitCode, string Output, TimeSpan Elapsed)
{
    /// <summary>Generous: the machine is shared and loaded; a bound that is a limit plus seconds would be flaky.</summary>
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    public static async Task<FaultRun> StartAsync(
        string repository,
        IReadOnlyList<string> args,
        IReadOnlyDictionary<string, string>? environment = null,
        CancellationToken ct = default
    )
    {
        var variables = new Dictionary<string, string>(environment ?? new Dictionary<string, string>())
        {
            ["SCHEMA_LOCATION"] = Path.Combine(repository, ".no-schemas"),
            ["IGNORE_MISSING_SCHEMAS"] = "true",
        };
        if (Environment.GetEnvironmentVariable("RENOVATE_SCHEMA") is { Length: > 0 } renovateSchema)
        {
            variables["RENOVATE_SCHEMA"] = renovateSchema;
        }

        var clock = Stopwatch.StartNew();
        var run = await InProcessBuild.RunAsync(repository, args, variables, width: 1000, ct: ct);
        return new FaultRun(run.ExitCode, run.Output.ReplaceLineEndings("\n"), clock.Elapsed);
    }

    /// <summary>The lines that report an error (<c>error:</c> or <c>error in Target:</c>).</summary>
    public IReadOnlyList<string> ErrorLines =>
        Output.Split('\n').Where(l => l.StartsWith("error", StringComparison.Ordinal)).ToList();

    /// <summary>Asserts the run ended within <see cref="Bound"/>, with one error line, no stack trace and no raw exception.</summary>
    public void ShouldFailWithOneLine(int exitCode, string because)
    {
        Elapsed.Should().BeLessThan(Bound, "every wait is bounded");
        ExitCode.Should().Be(exitCode, Output);
        ErrorLines.Should().ContainSingle(because + "\n" + Output);
        Output.Should().NotContain("   at ", "no stack trace").And.NotContain("Exception:", "no raw exception");
    }
}
