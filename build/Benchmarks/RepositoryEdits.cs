using System.Globalization;
using System.Text.RegularExpressions;

namespace GitOpsRunners.Benchmarks;

/// <summary>
/// Random, seeded edits to a <see cref="SyntheticRepository"/>: values in an app's manifests, generator literals,
/// a shared base, cluster settings, new and stray files, patches, broken references and deleted files, and
/// restoring a file to how it was generated (so a later state can equal an earlier one). Each edit returns what
/// it did, for the message of a failed comparison.
/// </summary>
public sealed partial class RepositoryEdits(string root, int clusters, int apps, Random random)
{
    private readonly Dictionary<string, string> _original = Snapshot(root);
    private int _counter;

    private string Kubernetes => Path.Combine(root, "kubernetes");

    public string ApplyOne()
    {
        var app = $"app-{random.Next(apps):D2}";
        var cluster = $"cluster-{random.Next(clusters):D2}";
        var n = Interlocked.Increment(ref _counter).ToString(CultureInfo.InvariantCulture);
        var appFolder = $"apps/base/{app}/app";
        switch (random.Next(11))
        {
            case 0:
                Replace($"{appFolder}/service.yaml", TargetPort(), $"targetPort: {8000 + random.Next(1000)}");
                return $"{app}: service port changed";
            case 1:
                Replace($"{appFolder}/deployment.yaml", ImageTag(), $":1.0.{random.Next(5)}@");
                return $"{app}: image tag changed";
            case 2:
                Replace(
                    $"apps/base/{app}/namespace.yaml",
                    Enforce(),
                    $"enforce: {OneOf("restricted", "baseline", "privileged")}"
                );
                return $"{app}: shared base namespace label changed";
            case 3:
                Replace($"{appFolder}/kustomization.yaml", LogLevel(), $"LOG_LEVEL={OneOf("info", "debug", "warn")}");
                return $"{app}: generator literal changed";
            case 4:
                Write(
                    $"{appFolder}/extra-{n}.yaml",
                    $"---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: extra-{n}\ndata:\n  value: \"{n}\"\n"
                );
                Replace($"{appFolder}/kustomization.yaml", Resources(), $"resources:\n  - extra-{n}.yaml\n");
                return $"{app}: new resource extra-{n}.yaml";
            case 5:
                Write($"{appFolder}/notes-{n}.txt", $"note {n}\n");
                return $"{app}: stray file notes-{n}.txt";
            case 6:
                Replace($"{appFolder}/kustomization.yaml", Resources(), $"resources:\n  - missing-{n}.yaml\n");
                return $"{app}: reference to a missing file";
            case 7:
                Delete($"{appFolder}/service.yaml");
                return $"{app}: service.yaml deleted";
            case 8:
                Replace(
                    $"apps/overlays/{cluster}/cluster-settings.yaml",
                    Replicas(),
                    $"REPLICAS: \"{random.Next(1, 5)}\""
                );
                return $"{cluster}: cluster setting changed";
            case 9:
                Write(
                    $"{appFolder}/patch-{n}.yaml",
                    $"apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {app}\n  annotations:\n    example.org/patch: \"{n}\"\n"
                );
                Append($"{appFolder}/kustomization.yaml", $"patches:\n  - path: patch-{n}.yaml\n");
                return $"{app}: patch-{n}.yaml added";
            default:
                var files = _original.Keys.Order(StringComparer.Ordinal).ToList();
                var file = files[random.Next(files.Count)];
                Write(file, _original[file]);
                return $"{file}: restored as generated";
        }
    }

    private string OneOf(params string[] values) => values[random.Next(values.Length)];

    private static Dictionary<string, string> Snapshot(string root)
    {
        var kubernetes = Path.Combine(root, "kubernetes");
        return Directory
            .EnumerateFiles(kubernetes, "*", SearchOption.AllDirectories)
            .ToDictionary(
                f => Path.GetRelativePath(kubernetes, f).Replace('\\', '/'),
                File.ReadAllText,
                StringComparer.Ordinal
            );
    }

    private void Replace(string relative, Regex pattern, string replacement)
    {
        var path = Path.Combine(Kubernetes, relative);
        if (File.Exists(path))
        {
            File.WriteAllText(path, pattern.Replace(File.ReadAllText(path), replacement, 1));
        }
    }

    private void Append(string relative, string text)
    {
        var path = Path.Combine(Kubernetes, relative);
        var content = File.Exists(path) ? File.ReadAllText(path) : "";
        // A second patches: key would be a duplicate; add to the list instead.
        File.WriteAllText(
            path,
            content.Contains("patches:\n", StringComparison.Ordinal)
                ? content.Replace("patches:\n", text, StringComparison.Ordinal)
                : content + text
        );
    }

    private void Write(string relative, string content)
    {
        var path = Path.Combine(Kubernetes, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    private void Delete(string relative) => File.Delete(Path.Combine(Kubernetes, relative));

    [GeneratedRegex(@"targetPort: \d+")]
    private static partial Regex TargetPort();

    [GeneratedRegex(@":1\.0\.\d+@")]
    private static partial Regex ImageTag();

    [GeneratedRegex(@"enforce: \w+")]
    private static partial Regex Enforce();

    [GeneratedRegex(@"LOG_LEVEL=\w+")]
    private static partial Regex LogLevel();

    [GeneratedRegex(@"resources:\n")]
    private static partial Regex Resources();

    [GeneratedRegex(@"REPLICAS: ""\d+""")]
    private static partial Regex Replicas();
}
