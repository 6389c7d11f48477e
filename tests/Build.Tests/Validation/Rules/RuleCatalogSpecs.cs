using System.Reflection;
using System.Text.Json.Nodes;
using GitOpsRunners.Diagnostics;
using GitOpsRunners.Tests.Support;
using GitOpsRunners.Tests.Validation.Schemas;
using GitOpsRunners.Validation;
using GitOpsRunners.Validation.Reports;
using GitOpsRunners.Validation.Rules;

namespace GitOpsRunners.Tests.Validation.Rules;

/// <summary>Every rule id Validate can report is described once, by the code that reports it.</summary>
public class RuleCatalogSpecs
{
    public static TheoryData<string> TestTrees =>
        new(
            Directory
                .GetDirectories(FixtureRepository.Path("broken"))
                .Select(tree => "broken/" + Path.GetFileName(tree))
                .Append("two-clusters")
                .Order(StringComparer.Ordinal)
        );

    [Theory]
    [MemberData(nameof(TestTrees))]
    public async Task Every_id_Validate_reports_on_a_test_tree_is_catalogued(string tree)
    {
        var result = await ValidateAsync(FixtureRepository.Path(tree));

        result
            .Report.Findings.Select(f => f.RuleId)
            .Distinct()
            .Where(id => result.Report.Describe(id) is null)
            .Should()
            .BeEmpty("SARIF and the README describe only catalogued ids");
    }

    [Fact]
    public void Every_rule_descriptor_declared_in_the_build_project_is_catalogued()
    {
        var declared = typeof(RuleCatalog)
            .Assembly.GetTypes()
            .SelectMany(type => type.GetProperties(BindingFlags.Public | BindingFlags.Static))
            .Where(property => property.PropertyType == typeof(RuleDescriptor))
            .Select(property =>
                (
                    Name: $"{property.DeclaringType!.Name}.{property.Name}",
                    Rule: (RuleDescriptor)property.GetValue(null)!
                )
            )
            .ToList();

        declared.Should().Contain(("RenderRules.DependsOnMissing", RenderRules.DependsOnMissing));
        declared.Select(d => d.Rule.Id).Should().Contain("flux-dependson-missing");
        var described = RuleCatalog
            .All.Concat(RepositoryRuleDescriptors())
            .Concat(ClusterSchemaSourceDescriptors())
            .Select(rule => rule.Id)
            .ToHashSet();
        declared
            .Where(d => !described.Contains(d.Rule.Id))
            .Select(d => $"{d.Name} = {d.Rule.Id}")
            .Should()
            .BeEmpty("an id that code reports needs a descriptor the catalog gathers");
    }

    [Fact]
    public void Every_repository_rule_declares_what_it_reports_beside_the_catalog()
    {
        var descriptors = RepositoryRuleDescriptors().ToList();

        descriptors.Should().Contain(rule => rule.Id == "renovate-comment");
        descriptors.Select(rule => rule.Id).Should().NotIntersectWith(RuleCatalog.All.Select(rule => rule.Id));
    }

    /// <summary>Schema sources (the pinned charts) live beside Validation; each declares its ids as a static <c>Declared</c>.</summary>
    private static IEnumerable<RuleDescriptor> ClusterSchemaSourceDescriptors() =>
        DeclaredBy<IClusterSchemaSource, IReadOnlyList<RuleDescriptor>>("Declared").SelectMany(declared => declared);

    /// <summary>Repository rules live in capabilities above Validation; each declares a static <c>Descriptor</c>.</summary>
    private static IEnumerable<RuleDescriptor> RepositoryRuleDescriptors() =>
        DeclaredBy<IRepositoryRule, RuleDescriptor>("Descriptor");

    /// <summary>The static <paramref name="property"/> of every class in <typeparamref name="TContract"/>'s assembly that implements it.</summary>
    private static IEnumerable<TValue> DeclaredBy<TContract, TValue>(string property) =>
        typeof(TContract)
            .Assembly.GetTypes()
            .Where(type => type.IsClass && typeof(TContract).IsAssignableFrom(type))
            .Select(type =>
                type.GetProperty(property, BindingFlags.Public | BindingFlags.Static)?.GetValue(null) is TValue value
                    ? value
                    : throw new InvalidOperationException($"{type.Name} declares no static {property}")
            );

    [Fact]
    public void Every_rule_of_the_default_rule_set_describes_what_it_reports()
    {
        RuleSet.Default.Should().AllSatisfy(rule => rule.Descriptors.Should().NotBeEmpty());
        RuleSet
            .Default.SelectMany(rule => rule.Descriptors)
            .Should()
            .AllSatisfy(descriptor => RuleCatalog.Find(descriptor.Id).Should().BeSameAs(descriptor));
    }

    [Fact]
    public void No_two_descriptors_share_an_id() =>
        RuleCatalog
            .All.GroupBy(rule => rule.Id)
            .Where(ids => ids.Count() > 1)
            .Select(ids => ids.Key)
            .Should()
            .BeEmpty();

    [Fact]
    public void Every_catalogued_id_has_a_rationale_and_help() =>
        RuleCatalog
            .All.Should()
            .AllSatisfy(rule =>
            {
                rule.Id.Should().MatchRegex("^[a-z]+(-[a-z]+)*$");
                rule.Rationale.Should().EndWith(".", rule.Id);
                rule.Help.Should().NotBeNullOrWhiteSpace(rule.Id);
            });

    [Theory]
    [InlineData("flux-dependson-missing")]
    [InlineData("flux-generate")]
    [InlineData("manifest-missing-field")]
    [InlineData("renovate-syntax")]
    public void Sarif_describes_ids_reported_outside_the_cluster_rules(string id)
    {
        var report = new ValidationReport(["aks-a"], 1, [new Finding(Severity.Error, id, "broken", null, "aks-a")]);

        var rule = JsonNode.Parse(SarifReport.Render(report, "1.0.0"))!["runs"]![0]!["tool"]!["driver"]!["rules"]![0]!;

        rule["id"]!.GetValue<string>().Should().Be(id);
        rule["shortDescription"]!["text"]!.GetValue<string>().Should().Be(RuleCatalog.Find(id)!.Rationale);
        rule["help"]!["text"]!.GetValue<string>().Should().Contain(RuleCatalog.Find(id)!.Help);
    }

    [Fact]
    public void Sarif_describes_a_repository_rule_s_id_from_the_rules_the_report_carries()
    {
        var rule = new RuleDescriptor("elsewhere-rule", Severity.Warning, "Declared by a capability above.", "fix it");
        var report = new ValidationReport(
            ["aks-a"],
            1,
            [new Finding(Severity.Warning, rule.Id, "odd", null, "aks-a")],
            [.. RuleCatalog.All, rule]
        );

        var sarifRule = JsonNode.Parse(SarifReport.Render(report, "1.0.0"))!["runs"]![0]!["tool"]!["driver"]!["rules"]![
            0
        ]!;

        sarifRule["shortDescription"]!["text"]!.GetValue<string>().Should().Be("Declared by a capability above.");
        sarifRule["defaultConfiguration"]!["level"]!.GetValue<string>().Should().Be("warning");
    }

    private static Task<ValidationResult> ValidateAsync(string root) =>
        SharedSchemaValidation.ValidateAsync(
            root,
            Directory.Exists(Path.Combine(root, "kubernetes")) ? "kubernetes" : "."
        );
}
