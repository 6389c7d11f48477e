using System.Runtime.CompilerServices;

namespace GitOpsRunners.Tests.Engine;

/// <summary>
/// Compares text with <c>Approved/&lt;name&gt;.approved.txt</c> next to the calling spec. On a mismatch it writes
/// <c>&lt;name&gt;.received.txt</c> and fails; with <c>UPDATE_SNAPSHOTS=1</c> it approves the new text instead.
/// </summary>
internal static class ApprovedFile
{
    public static void Verify(string actual, string name, [CallerFilePath] string callerFile = "")
    {
        var folder = Path.Combine(Path.GetDirectoryName(callerFile)!, "Approved");
        var approved = Path.Combine(folder, name + ".approved.txt");
        var received = Path.Combine(folder, name + ".received.txt");
        var text = Normalize(actual);

        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1")
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(approved, text);
            File.Delete(received);
            return;
        }

        if (File.Exists(approved) && Normalize(File.ReadAllText(approved)) == text)
        {
            File.Delete(received);
            return;
        }

        Directory.CreateDirectory(folder);
        File.WriteAllText(received, text);
        text.Should()
            .Be(
                File.Exists(approved) ? Normalize(File.ReadAllText(approved)) : "<no approved file>",
                $"the output should match {approved}; compare it with {received} and rerun with UPDATE_SNAPSHOTS=1 to approve"
            );
    }

    private static string Normalize(string text) =>
        string.Join('\n', text.ReplaceLineEndings("\n").Split('\n').Select(l => l.TrimEnd())).TrimEnd() + "\n";
}
