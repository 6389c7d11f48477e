namespace GitOpsRunners.Promotion;

/// <summary>
/// The verdict of one promotion gate. <see cref="Context"/> is the commit status context it is published
/// under (e.g. <c>promotion/soak</c>); <see cref="Details"/> lists what failed or what was checked.
/// </summary>
public sealed record GateResult(string Context, string Name, bool Passed, string Summary, IReadOnlyList<string> Details)
{
    public const string HealthContext = "promotion/health";
    public const string SoakContext = "promotion/soak";

    public override string ToString() => $"{Name}: {(Passed ? "passed" : "failed")}, {Summary}";
}
