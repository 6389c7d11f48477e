namespace GitOpsRunners.Rendering;

/// <summary>
/// The merged post-build variables of one Kustomization. <see cref="SecretNames"/> are the variables whose value
/// came from a Secret (masked wherever they are substituted). <see cref="OpenSources"/> name the Secrets whose keys
/// cannot be known offline (an ExternalSecret's <c>dataFrom</c>): while there are any, a variable no source defines
/// is taken to come from one of them and substitutes as a masked placeholder.
/// </summary>
internal sealed record PostBuildVariableSet(
    IReadOnlyDictionary<string, string> Values,
    IReadOnlySet<string> SecretNames,
    IReadOnlyList<string> OpenSources
)
{
    public static PostBuildVariableSet Empty { get; } =
        new(new Dictionary<string, string>(), new HashSet<string>(), []);
}
