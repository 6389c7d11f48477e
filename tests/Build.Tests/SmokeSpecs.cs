namespace GitOpsRunners.Tests;

public class SmokeSpecs
{
    [Fact]
    public void The_suite_runs() => (1 + 1).Should().Be(2);
}
