using System.Text;
using GitOpsRunners.Validation.Diff;
using GitOpsRunners.Versions.Editing;

namespace GitOpsRunners.Versions.Delivery;

/// <summary>The unified diff that edits make to the files under a folder, without writing them.</summary>
public static class EditDiff
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static async Task<string> RenderAsync(string root, IReadOnlyList<YamlFileEdit> edits, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(edits);
        var diff = new StringBuilder();
        foreach (var edit in edits)
        {
            var before = Utf8.GetString(
                await File.ReadAllBytesAsync(Path.Combine(root, edit.File), ct).ConfigureAwait(false)
            );
            diff.Append(Render(edit.File, before, YamlScalarEditor.Apply(before, edit.Edits, edit.File)));
        }

        return diff.ToString();
    }

    /// <summary>The diff of one file: <c>a/&lt;file&gt;</c> before, <c>b/&lt;file&gt;</c> after.</summary>
    public static string Render(string file, string before, string after) =>
        UnifiedDiff.Render(before, after, "a/" + file, "b/" + file);
}
