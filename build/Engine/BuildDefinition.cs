using Spectre.Console;

namespace GitOpsRunners.Engine;

/// <summary>
/// Base class of the build: declare <see cref="Target"/> properties and <c>[Parameter]</c> properties on a
/// subclass. Everything here is available once the runner has resolved parameters, i.e. inside target actions.
/// </summary>
public abstract class BuildDefinition
{
    private BuildServices? _services;

    /// <summary>The only console to write to.</summary>
    public IAnsiConsole Console => Services.Console;

    /// <summary>The repository root: <c>--repository-root</c> or BUILD_ROOT_DIRECTORY, or the nearest folder with <c>.nuke/</c>.</summary>
    public string RootDirectory => Services.RootDirectory;

    /// <summary><c>&lt;root&gt;/.nuke/temp</c>, created on first use; git-ignored.</summary>
    public string TemporaryDirectory
    {
        get
        {
            var path = Path.Combine(RootDirectory, ".nuke", "temp");
            try
            {
                Directory.CreateDirectory(path);
            }
            catch (Exception e) when (e is UnauthorizedAccessException or IOException)
            {
                throw new BuildException(
                    $"Cannot create {path}: {e.Message.TrimEnd('.')}; this target writes there, so run it from a writable checkout."
                );
            }

            return path;
        }
    }

    /// <summary>The folder the build was started from: relative paths on the command line start here.</summary>
    public string WorkingDirectory => Services.WorkingDirectory;

    /// <summary>
    /// The build's own cache folder: <c>.nuke/temp</c> of the build project (BUILD_ROOT_DIRECTORY, else the repository
    /// root), whatever <c>--repository-root</c> points at, so checking another repository writes nothing into it; a
    /// folder under the system temp when that one cannot be created.
    /// </summary>
    public string CacheDirectory
    {
        get
        {
            foreach (
                var path in new[]
                {
                    Path.Combine(Services.ProjectDirectory, ".nuke", "temp"),
                    Path.Combine(Path.GetTempPath(), "gitops-runners-cache"),
                }
            )
            {
                try
                {
                    Directory.CreateDirectory(path);
                    return path;
                }
                catch (Exception e) when (e is UnauthorizedAccessException or IOException) { }
            }

            throw new BuildException(
                $"Cannot create a cache folder (.nuke/temp of {Services.ProjectDirectory} or the system temp folder); check their permissions."
            );
        }
    }

    /// <summary>A path as the user typed it, made absolute from the working directory.</summary>
    public string UserPath(string path) => Path.GetFullPath(path, WorkingDirectory);

    /// <summary>Standard output as it is, for a document that must stand alone there (see <see cref="DocumentOnStandardOutput"/>).</summary>
    public TextWriter StandardOutput => Services.StandardOutput;

    /// <summary>
    /// True when this run writes a machine-readable document to standard output; read once parameters are set. The
    /// runner then sends <see cref="Console"/> (headers, tables, progress, errors, the summary) to standard error, so
    /// standard output holds the document alone at any verbosity.
    /// </summary>
    protected internal virtual bool DocumentOnStandardOutput => false;

    public ICiHost Host => Services.Host;

    public Verbosity Verbosity => Services.Verbosity;

    /// <summary>Spinner for long work on a terminal; a no-op elsewhere.</summary>
    public StatusDisplay Status => new(Console);

    private BuildServices Services =>
        _services ?? throw new InvalidOperationException("Build services are available only while targets run.");

    /// <summary>Writes a line of an external tool's output as it is: no markup, no wrapping.</summary>
    public void WriteToolOutput(string line)
    {
        var writer = Console.Profile.Out.Writer;
        writer.WriteLine(line);
        writer.Flush();
    }

    /// <summary>Adds a short note to the running target's row in the summary.</summary>
    public void AddNote(string text) => Services.Notes.Add(text);

    internal void Attach(BuildServices services) => _services = services;
}
