namespace GitOpsRunners.Engine;

/// <summary>Short notes targets leave for the summary table (e.g. "12 passed, 0 failed").</summary>
public sealed class SummaryNotes
{
    private readonly List<(string Target, string Text)> _notes = [];

    /// <summary>The target that is running; notes are filed under it.</summary>
    public string Current { get; set; } = "";

    public void Add(string text) => _notes.Add((Current, text));

    public IReadOnlyList<string> For(string target) =>
        _notes.Where(n => n.Target == target).Select(n => n.Text).ToList();
}
