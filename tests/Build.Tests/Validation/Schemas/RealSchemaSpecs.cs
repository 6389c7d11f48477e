using GitOpsRunners.Diagnostics;
using GitOpsRunners.Tests.Support;
using GitOpsRunners.Validation.Schemas;

namespace GitOpsRunners.Tests.Validation.Schemas;

/// <summary>Validation against the real Kubernetes and CRD schemas; skipped when GITOPS_TEST_SCHEMAS is unset.</summary>
public sealed class RealSchemaSpecs : SchemaWorkspaceSpecs
{
    public static TheoryData<string> ValidManifests() =>
        [
            RealManifests.Deployment,
            RealManifests.Namespace,
            RealManifests.ConfigMap,
            RealManifests.HelmRelease,
            RealManifests.OciRepository,
            RealManifests.Kustomization,
            RealManifests.ExternalSecret,
            RealManifests.ClusterSecretStore,
            RealManifests.Provider,
            RealManifests.Alert,
        ];

    [Theory]
    [MemberData(nameof(ValidManifests))]
    public async Task A_valid_real_manifest_passes(string yaml)
    {
        // Act
        var findings = await FindingsAsync(yaml);

        // Assert
        findings?.Should().BeEmpty();
    }

    [Theory]
    [InlineData("  replicas: 2\n", "  replicas: two\n", "at '/spec/replicas': got string, want integer", 10)]
    [InlineData(
        "  revisionHistoryLimit: 3\n",
        "  revisionHistoryLimt: 3\n",
        "at '/spec': additional property \"revisionHistoryLimt\" is not allowed",
        11
    )]
    [InlineData(
        "        - name: web\n",
        "        - nmae: web\n",
        "at '/spec/template/spec/containers/0': missing property 'name'",
        23
    )]
    [InlineData("  replicas: 2\n", "  replicas: 2.5\n", "at '/spec/replicas': got number, want integer", 10)]
    public async Task A_broken_deployment_fails_at_the_right_line(string good, string bad, string message, int line)
    {
        // Act
        var findings = await FindingsAsync(Edited(RealManifests.Deployment, good, bad));

        // Assert
        findings
            ?.Should()
            .Contain(f => f.Message.Contains(message) && f.Location!.Line == line && f.RuleId == "schema");
    }

    [Fact]
    public async Task A_broken_helm_release_is_reported_with_flux_field_paths()
    {
        // Act
        var findings = await FindingsAsync(
            Edited(RealManifests.HelmRelease, "  timeout: 10m\n", "  timeout: 10\n  chartName: x\n")
        );

        // Assert
        findings
            ?.Select(f => (f.Message, f.Location!.Line))
            .Should()
            .BeEquivalentTo([
                ("at '/spec/timeout': got integer, want string", 8),
                ("at '/spec': additional property \"chartName\" is not allowed", 9),
            ]);
    }

    [Fact]
    public async Task A_value_outside_an_enum_is_reported_with_the_allowed_values()
    {
        // Act
        var findings = await FindingsAsync(
            Edited(RealManifests.Kustomization, "    kind: GitRepository\n", "    kind: GitRepo\n")
        );

        // Assert
        findings
            ?.Should()
            .ContainSingle()
            .Which.Message.Should()
            .StartWith("at '/spec/sourceRef/kind': value must be one of")
            .And.Contain("\"GitRepository\"");
    }

    [Fact]
    public async Task A_custom_resource_without_a_schema_is_missing()
    {
        // Act
        var findings = await FindingsAsync("apiVersion: ceph.rook.io/v1\nkind: CephCluster\nmetadata:\n  name: rook\n");

        // Assert
        findings?.Should().ContainSingle().Which.RuleId.Should().Be("schema-missing");
    }

    /// <summary><paramref name="yaml"/> with <paramref name="good"/> (which it must hold) replaced by <paramref name="bad"/>.</summary>
    private static string Edited(string yaml, string good, string bad)
    {
        yaml = yaml.ReplaceLineEndings("\n");
        yaml.Should().Contain(good);
        return yaml.Replace(good, bad, StringComparison.Ordinal);
    }

    /// <summary>What the real schemas say about <paramref name="yaml"/>, or null when GITOPS_TEST_SCHEMAS is not set.</summary>
    private async Task<IReadOnlyList<Finding>?> FindingsAsync(string yaml)
    {
        if (SharedData.SchemasRoot is not { } root)
        {
            return null;
        }

        var validator = Work.Validator(
            Work.Options(
                [
                    Path.Combine(root, "kubernetes"),
                    Path.Combine(root, "crds/{{ .Group }}/{{ .ResourceKind }}_{{ .ResourceAPIVersion }}.json"),
                ],
                "1.36.0"
            )
        );
        return await validator.ValidateAsync(TestManifests.Parse(yaml), CancellationToken.None);
    }
}
