using GitOpsRunners.Diagnostics;
using GitOpsRunners.Manifests;

namespace GitOpsRunners.Validation.Rules;

/// <summary>Kustomizations and HelmReleases whose dependsOn entries form a cycle.</summary>
public sealed class DependsOnCycleRule() : ClusterRule(Descriptor)
{
    /// <summary>Rendering reports cycles between Kustomizations under the same id; this rule adds HelmReleases.</summary>
    public static RuleDescriptor Descriptor { get; } = RenderRules.DependsOnCycle;

    public override IEnumerable<Finding> Check(RuleContext context)
    {
        var nodes = context
            .Index.OfKind(KubernetesApi.KustomizeGroup, "Kustomization")
            .Concat(context.Index.OfKind(KubernetesApi.HelmGroup, "HelmRelease"))
            .ToList();
        var byId = nodes.GroupBy(n => n.Id).ToDictionary(g => g.Key, g => g.First());
        var edges = nodes.ToDictionary(
            n => n.Id,
            n => FluxRef.DependsOn(n).Select(d => $"{n.Kind}/{d.Namespace}/{d.Name}").Where(byId.ContainsKey).ToList()
        );

        foreach (var cycle in Cycles(edges))
        {
            var first = byId[cycle[0]];
            yield return context.Report(
                Descriptor,
                first,
                $"dependsOn forms a cycle: {string.Join(" -> ", cycle.Append(cycle[0]))}; remove one of these dependencies",
                "spec",
                "dependsOn"
            );
        }
    }

    /// <summary>Each elementary cycle once, starting at its smallest member.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Cycles(IReadOnlyDictionary<string, List<string>> edges)
    {
        var found = new List<IReadOnlyList<string>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var state = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new List<string>();

        void Visit(string node)
        {
            state[node] = 1;
            stack.Add(node);
            foreach (var next in edges.TryGetValue(node, out var targets) ? targets : [])
            {
                if (state.GetValueOrDefault(next) == 1)
                {
                    var cycle = stack.Skip(stack.IndexOf(next)).ToList();
                    var start = cycle.IndexOf(cycle.Min(StringComparer.Ordinal)!);
                    var rotated = cycle.Skip(start).Concat(cycle.Take(start)).ToList();
                    if (seen.Add(string.Join("|", rotated)))
                    {
                        found.Add(rotated);
                    }
                }
                else if (state.GetValueOrDefault(next) == 0)
                {
                    Visit(next);
                }
            }

            stack.RemoveAt(stack.Count - 1);
            state[node] = 2;
        }

        foreach (var node in edges.Keys.Order(StringComparer.Ordinal))
        {
            if (state.GetValueOrDefault(node) == 0)
            {
                Visit(node);
            }
        }

        return found;
    }
}
