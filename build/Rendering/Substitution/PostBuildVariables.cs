namespace GitOpsRunners.Rendering.Substitution;

/// <summary>
/// The variables of one Kustomization's <c>spec.postBuild</c>, merged as kustomize-controller does:
/// the <c>substituteFrom</c> sources in order, each overwriting earlier ones, then the inline
/// <c>substitute</c> map over all of them. Every "\n" is removed from every value ("\r" is kept,
/// as in Flux). Names must match <c>^[_[:alpha:]][_[:alpha:][:digit:]]*$</c> (ASCII letters).
/// </summary>
public static class PostBuildVariables
{
    /// <exception cref="SubstitutionException">A variable name is invalid.</exception>
    public static IReadOnlyDictionary<string, string> Merge(
        IEnumerable<IReadOnlyDictionary<string, string>> substituteFromInOrder,
        IReadOnlyDictionary<string, string>? substitute
    )
    {
        ArgumentNullException.ThrowIfNull(substituteFromInOrder);
        var merged = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var source in substituteFromInOrder.Append(substitute ?? new Dictionary<string, string>()))
        {
            foreach (var (name, value) in source)
            {
                merged[name] = value.Replace("\n", "", StringComparison.Ordinal);
            }
        }

        EnsureValidNames(merged.Keys);
        return merged;
    }

    /// <summary>Whether Flux accepts <paramref name="name"/> as a variable name.</summary>
    public static bool IsValidName(string name) =>
        name.Length > 0
        && (name[0] == '_' || char.IsAsciiLetter(name[0]))
        && name.All(c => c == '_' || char.IsAsciiLetterOrDigit(c));

    /// <exception cref="SubstitutionException">One or more names are invalid; all are listed.</exception>
    public static void EnsureValidNames(IEnumerable<string> names)
    {
        var invalid = names.Where(n => !IsValidName(n)).Order(StringComparer.Ordinal).ToList();
        if (invalid.Count > 0)
        {
            var list = string.Join(", ", invalid.Select(n => $"'{n}'"));
            throw new SubstitutionException(
                $"invalid post-build variable name {list}: a name must match '^[_[:alpha:]][_[:alpha:][:digit:]]*$' "
                    + "(a letter or '_', then letters, digits or '_'); rename the key in spec.postBuild.substitute or in "
                    + "the substituteFrom ConfigMap/Secret",
                invalid[0]
            );
        }
    }
}
