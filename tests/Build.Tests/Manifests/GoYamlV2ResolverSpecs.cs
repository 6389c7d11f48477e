using GitOpsRunners.Manifests;

namespace GitOpsRunners.Tests.Manifests;

/// <summary>Cases from go-yaml v2 <c>resolve.go</c> (as vendored by sigs.k8s.io/yaml v1.6.0) and Go's strconv rules.</summary>
public sealed class GoYamlV2ResolverSpecs
{
    [Theory]
    [InlineData("yes", GoYamlKind.Bool, "true")]
    [InlineData("Y", GoYamlKind.Bool, "true")]
    [InlineData("On", GoYamlKind.Bool, "true")]
    [InlineData("n", GoYamlKind.Bool, "false")]
    [InlineData("OFF", GoYamlKind.Bool, "false")]
    [InlineData("False", GoYamlKind.Bool, "false")]
    [InlineData("~", GoYamlKind.Null, "null")]
    [InlineData("", GoYamlKind.Null, "null")]
    [InlineData("0777", GoYamlKind.Int, "511")]
    [InlineData("0o17", GoYamlKind.Int, "15")]
    [InlineData("0x1F", GoYamlKind.Int, "31")]
    [InlineData("-0b101", GoYamlKind.Int, "-5")]
    [InlineData("1_000", GoYamlKind.Int, "1000")]
    [InlineData("+42", GoYamlKind.Int, "42")]
    [InlineData("123456789012345678901234567890", GoYamlKind.Int, "123456789012345678901234567890")]
    [InlineData("09", GoYamlKind.Float, "9")]
    [InlineData("1e3", GoYamlKind.Float, "1000")]
    [InlineData(".5", GoYamlKind.Float, "0.5")]
    [InlineData("1.50", GoYamlKind.Float, "1.5")]
    [InlineData("1e-7", GoYamlKind.Float, "1e-7")]
    [InlineData("2.5e21", GoYamlKind.Float, "2.5e+21")]
    [InlineData(".inf", GoYamlKind.Float, "+Inf")]
    [InlineData("2024-01-02", GoYamlKind.String, "2024-01-02")]
    [InlineData("2024-01-02T10:00:00Z", GoYamlKind.String, "2024-01-02T10:00:00Z")]
    [InlineData("yesterday", GoYamlKind.String, "yesterday")]
    [InlineData("1.2.3", GoYamlKind.String, "1.2.3")]
    [InlineData("0x", GoYamlKind.String, "0x")]
    [InlineData("-", GoYamlKind.String, "-")]
    [InlineData(".", GoYamlKind.String, ".")]
    public void A_plain_scalar_is_typed_as_go_yaml_v2_types_it(string text, GoYamlKind kind, string json)
    {
        // Act
        var value = GoYamlV2Resolver.Resolve(text);

        // Assert
        value.Should().Be(new GoYamlValue(kind, json));
    }
}
