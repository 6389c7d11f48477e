using GitOpsRunners.Engine;

namespace GitOpsRunners;

sealed partial class Build
{
    [Parameter("With FormatCode: rewrite the files instead of only checking them")]
    bool Write { get; set; }

    Target FormatCode =>
        _ =>
            _.Description(
                    "Check the C# formatting with CSharpier (the tool manifest's version); --write formats in place"
                )
                .Executes(async ct =>
                {
                    var (exitCode, output) = await DotNet.CSharpierAsync(Write, RootDirectory, ct);
                    foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
                    {
                        WriteToolOutput(line.TrimEnd('\r'));
                    }

                    if (exitCode != 0)
                    {
                        throw new BuildException(
                            Write
                                ? $"CSharpier could not format the code (exit code {exitCode}); see above."
                                : "Some C# files are not formatted; run ./build.sh FormatCode --write and commit the result."
                        );
                    }
                });
}
