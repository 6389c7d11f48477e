using GitOpsRunners.Engine;
using GitOpsRunners.Tests.Support;
using Spectre.Console.Testing;

namespace GitOpsRunners.Tests.Engine;

/// <summary>A temp repository root with <c>.nuke/</c>, a test console and an environment for <see cref="BuildRunner"/>.</summary>
internal sealed class BuildFixture : IDisposable
{
    public BuildFixture()
    {
        Root.Write(".nuke/parameters.json", """{ "$schema": "./build.schema.json" }""");
        Console.Profile.Width = 100;
    }

    public TempDirectory Root { get; } = new();
    public TestConsole Console { get; } = new();
    public Dictionary<string, string> Environment { get; } = new(StringComparer.Ordinal);
    public SampleBuild Build { get; } = new();

    public string Output => Console.Output.ReplaceLineEndings("\n");

    public Task<int> RunAsync(params string[] args) => RunAsync(args, CancellationToken.None);

    public Task<int> RunAsync(string[] args, CancellationToken ct) =>
        BuildRunner.RunAsync(Build, args, new BuildEnvironment(Console, Environment, Root.Path), ct);

    /// <summary>
    /// Runs Validate on cluster <c>test</c>, plus <paramref name="options"/>, with its work throwing
    /// <paramref name="failure"/>; the run must fail the target (exit code 1). Returns what it printed.
    /// </summary>
    public async Task<string> RunFailingValidateAsync(Exception failure, params string[] options)
    {
        Build.ValidateWork = _ => throw failure;
        var exitCode = await RunAsync(["Validate", "--cluster", "test", .. options], CancellationToken.None);
        exitCode.Should().Be(ExitCodes.TargetFailed, Output);
        return Output;
    }

    public void Dispose()
    {
        Console.Dispose();
        Root.Dispose();
    }
}
