using GitOpsRunners.Engine;
using GitOpsRunners.Engine.Testing;
using GitOpsRunners.Tests.Support;

namespace GitOpsRunners.Tests.Engine.Testing;

public sealed class TrxReaderSpecs : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Outcomes_are_counted_across_files()
    {
        // Arrange
        var first = _temp.Write("a.trx", Trx("Passed", "Passed", "Failed"));
        var second = _temp.Write("b.trx", Trx("NotExecuted", "Passed"));

        // Act
        var summary = TrxReader.Read([first, second]);

        // Assert
        summary.Should().Be(new TestRunSummary(3, 1, 1));
        summary.ToString().Should().Be("3 passed, 1 failed, 1 skipped");
    }

    [Fact]
    public void A_broken_file_is_reported_with_its_path()
    {
        // Arrange
        var broken = _temp.Write("broken.trx", "<TestRun");

        // Act
        var act = () => TrxReader.Read([broken]);

        // Assert
        act.Should().Throw<BuildException>().WithMessage($"{broken}:*not valid TRX*");
    }

    private static string Trx(params string[] outcomes) =>
        $"""
            <?xml version="1.0" encoding="utf-8"?>
            <TestRun xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010">
              <Results>
                {string.Join("\n", outcomes.Select((o, i) => $"<UnitTestResult testName=\"T{i}\" outcome=\"{o}\" />"))}
              </Results>
            </TestRun>
            """;
}
