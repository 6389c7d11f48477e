using GitOpsRunners.Engine;
using GitOpsRunners.Engine.Testing;
using Spectre.Console;

namespace GitOpsRunners;

sealed partial class Build
{
    [Parameter("Run only the tests matching this dotnet test filter, e.g. FullyQualifiedName~Engine")]
    string? TestFilter { get; set; }

    Target Test =>
        _ =>
            _.Description("Run the tests and print how many passed and failed")
                .DependsOn(Restore, FormatCode)
                .Executes(async ct =>
                {
                    var results = Path.Combine(TemporaryDirectory, "test-results");
                    if (Directory.Exists(results))
                    {
                        Directory.Delete(results, recursive: true);
                    }

                    var exitCode = await DotNet.TestAsync(
                        Solution,
                        results,
                        TestFilter,
                        RootDirectory,
                        WriteTestOutput,
                        ct
                    );
                    var trxFiles = Directory.Exists(results)
                        ? Directory.GetFiles(results, "*.trx", SearchOption.AllDirectories)
                        : [];
                    if (trxFiles.Length == 0)
                    {
                        throw new BuildException(
                            $"dotnet test exited with code {exitCode} and wrote no test results to {results}; see the build output above."
                        );
                    }

                    var summary = TrxReader.Read(trxFiles);
                    Console.WriteLine(summary.ToString());
                    AddNote(summary.ToString());
                    if (summary.Failed > 0)
                    {
                        throw new BuildException(
                            $"{summary.Failed} test(s) failed; details above and in {Path.GetRelativePath(RootDirectory, results)}."
                        );
                    }

                    if (summary.Passed + summary.Failed == 0)
                    {
                        throw new BuildException(
                            TestFilter is null
                                ? "No tests ran."
                                : $"No tests ran: the filter '{TestFilter}' matched nothing."
                        );
                    }
                });

    static readonly string[] TestNoise = ["Test run for ", "A total of ", "Results File:", "Starting test execution"];

    void WriteTestOutput(string line)
    {
        var noise = string.IsNullOrWhiteSpace(line) || TestNoise.Any(n => line.StartsWith(n, StringComparison.Ordinal));
        if (noise || (Verbosity == Verbosity.Quiet && !line.Contains("Failed", StringComparison.Ordinal)))
        {
            return;
        }

        WriteToolOutput(line);
    }
}
