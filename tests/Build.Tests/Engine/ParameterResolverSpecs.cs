using GitOpsRunners.Engine;
using GitOpsRunners.Tests.Support;
using GitOpsRunners.Validation.Reports;

namespace GitOpsRunners.Tests.Engine;

public sealed class ParameterResolverSpecs : IDisposable
{
    private readonly TempDirectory _root = new();
    private readonly Dictionary<string, string> _environment = new(StringComparer.Ordinal);
    private readonly ParameterResolver _resolver = new(ParameterDiscovery.Discover(new SampleBuild()));

    public void Dispose() => _root.Dispose();

    private ParameterResolution Resolve(params string[] args) => _resolver.Resolve(args, _environment, _root.Path);

    [Fact]
    public void Without_any_source_the_property_initializer_is_the_value()
    {
        // Act
        var resolution = Resolve();

        // Assert
        resolution["KubernetesVersion"].Value.Should().Be("1.36.0");
        resolution["KubernetesVersion"].Source.Should().Be(ParameterSource.Default);
        resolution["Cluster"].Value.Should().BeNull();
    }

    [Fact]
    public void The_command_line_beats_the_environment_which_beats_profiles_which_beat_the_default_file()
    {
        // Arrange
        _root.Write(
            ".nuke/parameters.json",
            """{ "Cluster": "file", "KubernetesVersion": "1.30.0", "Retries": 5, "Format": "json" }"""
        );
        _root.Write(
            ".nuke/parameters.ci.json",
            """{ "Cluster": "profile", "KubernetesVersion": "1.31.0", "Retries": 6 }"""
        );
        _environment["CLUSTER"] = "env";
        _environment["KUBERNETES_VERSION"] = "1.32.0";

        // Act
        var resolution = Resolve("--cluster", "cli", "--profile", "ci");

        // Assert
        resolution["Cluster"]
            .Should()
            .Match<ResolvedParameter>(p => (string?)p.Value == "cli" && p.Source == ParameterSource.CommandLine);
        resolution["KubernetesVersion"]
            .Should()
            .Match<ResolvedParameter>(p => (string?)p.Value == "1.32.0" && p.Source == ParameterSource.Environment);
        resolution["Retries"]
            .Should()
            .Match<ResolvedParameter>(p => (int?)p.Value == 6 && p.Origin == ".nuke/parameters.ci.json");
        resolution["Format"]
            .Should()
            .Match<ResolvedParameter>(p =>
                (ReportFormat?)p.Value == ReportFormat.Json && p.Source == ParameterSource.DefaultFile
            );
    }

    [Fact]
    public void Later_profiles_win_over_earlier_ones()
    {
        // Arrange
        _root.Write(".nuke/parameters.a.json", """{ "Cluster": "a", "Retries": 1 }""");
        _root.Write(".nuke/parameters.b.json", """{ "Cluster": "b" }""");

        // Act
        var resolution = Resolve("--profile", "a", "b");

        // Assert
        resolution["Cluster"].Value.Should().Be("b");
        resolution["Retries"].Value.Should().Be(1);
    }

    [Fact]
    public void Environment_names_match_ignoring_case_and_underscores()
    {
        // Arrange
        _environment["kubernetesversion"] = "1.29.0";
        _environment["Ignore_Missing_Schemas"] = "yes";

        // Act
        var resolution = Resolve();

        // Assert
        resolution["KubernetesVersion"].Value.Should().Be("1.29.0");
        resolution["KubernetesVersion"].Origin.Should().Be("environment variable kubernetesversion");
        resolution["IgnoreMissingSchemas"].Value.Should().Be(true);
    }

    [Fact]
    public void Arrays_come_from_repeated_options_semicolon_lists_and_json_arrays()
    {
        // Arrange
        var fromFile = new TempDirectory();
        fromFile.Write(".nuke/parameters.json", """{ "SchemaLocation": ["f1", "f2"] }""");
        _environment["SCHEMA_LOCATION"] = "e1; e2;";

        // Act
        var cli = Resolve("--schema-location", "c1", "--schema-location", "c2");
        var env = Resolve();
        var file = _resolver.Resolve([], new Dictionary<string, string>(), fromFile.Path);
        fromFile.Dispose();

        // Assert
        ((string[])cli["SchemaLocation"].Value!)
            .Should()
            .Equal("c1", "c2");
        ((string[])env["SchemaLocation"].Value!).Should().Equal("e1", "e2");
        ((string[])file["SchemaLocation"].Value!).Should().Equal("f1", "f2");
    }

    [Fact]
    public void A_bare_boolean_option_means_true_and_does_not_swallow_a_target()
    {
        // Act
        var arguments = new BuildCommandLine(ParameterDiscovery.Discover(new SampleBuild())).Parse([
            "--ignore-missing-schemas",
            "Validate",
        ]);
        var resolution = Resolve("--ignore-missing-schemas", "Validate");

        // Assert
        arguments.Targets.Should().Equal("Validate");
        resolution["IgnoreMissingSchemas"].Value.Should().Be(true);
    }

    [Fact]
    public void Secrets_are_read_from_the_environment()
    {
        // Arrange
        _environment["GITHUB_TOKEN"] = "ghp_secret";

        // Act
        var resolution = Resolve();

        // Assert
        resolution["GitHubToken"].Value.Should().Be("ghp_secret");
        resolution["GitHubToken"].Display.Should().Be("***");
        resolution.SecretValues.Should().Equal("ghp_secret");
    }

    [Fact]
    public void A_secret_on_the_command_line_is_refused_without_echoing_it()
    {
        // Act
        var act = () => Resolve("Validate", "--github-token", "ghp_secret");

        // Assert
        act.Should()
            .Throw<UsageException>()
            .Which.Message.Should()
            .Contain("set GITHUB_TOKEN")
            .And.NotContain("ghp_secret");
    }

    [Fact]
    public void A_secret_in_a_parameters_file_is_refused()
    {
        // Arrange
        _root.Write(".nuke/parameters.json", """{ "GitHubToken": "ghp_secret" }""");

        // Act
        var act = () => Resolve();

        // Assert
        act.Should()
            .Throw<UsageException>()
            .WithMessage("GitHubToken in .nuke/parameters.json is a secret*set GITHUB_TOKEN*")
            .Which.Message.Should()
            .NotContain("ghp_secret");
    }

    [Fact]
    public void An_unknown_option_names_the_closest_parameter()
    {
        // Act
        var act = () => Resolve("Validate", "--kubernetes-verison", "1.30");

        // Assert
        act.Should()
            .Throw<UsageException>()
            .WithMessage("Unknown option '--kubernetes-verison'. Did you mean '--kubernetes-version'?*");
    }

    [Fact]
    public void An_unknown_key_in_a_parameters_file_names_the_closest_parameter()
    {
        // Arrange
        _root.Write(".nuke/parameters.json", """{ "$schema": "./build.schema.json", "Clustr": "x" }""");

        // Act
        var act = () => Resolve();

        // Assert
        act.Should()
            .Throw<UsageException>()
            .WithMessage("Unknown parameter 'Clustr' in .nuke/parameters.json. Did you mean 'Cluster'?");
    }

    [Fact]
    public void Invalid_values_name_the_option_their_source_and_what_is_expected()
    {
        // Arrange
        _environment["RETRIES"] = "many";

        // Act
        var fromEnvironment = () => Resolve();
        var fromCommandLine = () =>
            new ParameterResolver(ParameterDiscovery.Discover(new SampleBuild())).Resolve(
                ["--format", "xml"],
                new Dictionary<string, string>(),
                _root.Path
            );

        // Assert
        fromEnvironment
            .Should()
            .Throw<UsageException>()
            .WithMessage(
                "Invalid value 'many' for --retries from environment variable RETRIES: expected a whole number."
            );
        fromCommandLine
            .Should()
            .Throw<UsageException>()
            .WithMessage(
                "*'xml' for --format from the command line: expected one of text, json, sarif, junit, github."
            );
    }

    [Fact]
    public void A_missing_profile_lists_the_profiles_that_exist()
    {
        // Arrange
        _root.Write(".nuke/parameters.ci.json", "{}");

        // Act
        var act = () => Resolve("--profile", "prod");

        // Assert
        act.Should()
            .Throw<UsageException>()
            .WithMessage("Profile 'prod' not found: expected .nuke/parameters.prod.json (profiles: ci).");
    }

    [Fact]
    public void Broken_json_is_reported_with_its_file_and_line()
    {
        // Arrange
        _root.Write(".nuke/parameters.json", "{\n  \"Cluster\": \"a\",\n  \"Retries\": ,\n}");

        // Act
        var act = () => Resolve();

        // Assert
        act.Should().Throw<UsageException>().WithMessage(".nuke/parameters.json:3: invalid JSON*");
    }

    [Fact]
    public void Target_and_skip_lists_in_files_are_returned_for_the_runner()
    {
        // Arrange
        _root.Write(".nuke/parameters.json", """{ "Target": ["Validate"], "Skip": ["Restore"] }""");

        // Act
        var resolution = Resolve();

        // Assert
        resolution.Targets.Should().Equal("Validate");
        resolution.Skip.Should().Equal("Restore");
    }
}
