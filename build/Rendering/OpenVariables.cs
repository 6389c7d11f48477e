using System.Collections;
using GitOpsRunners.Rendering.Substitution;

namespace GitOpsRunners.Rendering;

/// <summary>
/// The variables of a Kustomization one of whose substituteFrom Secrets has keys only the cluster knows: a valid
/// name that no source defines resolves to its <c>..PLACEHOLDER_NAME..</c> and is remembered in
/// <see cref="Assumed"/>, instead of failing strict substitution. Enumeration and <see cref="Count"/> show the
/// known variables only.
/// </summary>
internal sealed class OpenVariables(IReadOnlyDictionary<string, string> known) : IReadOnlyDictionary<string, string>
{
    private readonly SortedSet<string> _assumed = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Assumed => _assumed;

    public string this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);

    public IEnumerable<string> Keys => known.Keys;

    public IEnumerable<string> Values => known.Values;

    public int Count => known.Count;

    public bool ContainsKey(string key) => TryGetValue(key, out _);

    public bool TryGetValue(string key, out string value)
    {
        if (known.TryGetValue(key, out value!))
        {
            return true;
        }

        if (!PostBuildVariables.IsValidName(key))
        {
            return false;
        }

        _assumed.Add(key);
        value = SubstitutionVariables.Placeholder(key);
        return true;
    }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => known.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
