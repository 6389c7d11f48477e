using GitOpsRunners.Validation.Schemas;
using Newtonsoft.Json;
using YamlDotNet.RepresentationModel;

namespace GitOpsRunners.Tests.Validation.Schemas;

public class YamlJsonConverterSpecs
{
    [Theory]
    [InlineData("v: 3", """{"v":3}""")]
    [InlineData("v: -12", """{"v":-12}""")]
    [InlineData("v: 0x1F", """{"v":31}""")]
    [InlineData("v: 0o17", """{"v":15}""")]
    [InlineData("v: 1.5", """{"v":1.5}""")]
    [InlineData("v: 1e3", """{"v":1000.0}""")]
    [InlineData("v: true", """{"v":true}""")]
    [InlineData("v: False", """{"v":false}""")]
    [InlineData("v: ~", """{"v":null}""")]
    [InlineData("v: null", """{"v":null}""")]
    [InlineData("v:", """{"v":null}""")]
    [InlineData("v: '3'", """{"v":"3"}""")]
    [InlineData("v: \"true\"", """{"v":"true"}""")]
    [InlineData("v: yes", """{"v":"yes"}""")]
    [InlineData("v: on", """{"v":"on"}""")]
    [InlineData("v: 1.2.3", """{"v":"1.2.3"}""")]
    [InlineData("v: 012abc", """{"v":"012abc"}""")]
    [InlineData("v: !!str 42", """{"v":"42"}""")]
    [InlineData("v: !!int '42'", """{"v":42}""")]
    [InlineData("v: |\n  12\n", """{"v":"12\n"}""")]
    [InlineData("v: 99999999999999999999", """{"v":99999999999999999999}""")]
    [InlineData("v: [1, a, {b: null}]", """{"v":[1,"a",{"b":null}]}""")]
    [InlineData("1: a", """{"1":"a"}""")]
    public void Scalars_are_typed_by_the_yaml_1_2_core_schema(string yaml, string json)
    {
        // Act
        var converted = YamlJsonConverter.Convert(Load(yaml));

        // Assert
        converted.ToString(Formatting.None).Should().Be(json);
    }

    [Fact]
    public void Merge_keys_fill_in_keys_the_mapping_does_not_set()
    {
        // Arrange
        var yaml = "base: &b {a: 1, b: 2}\nuse:\n  <<: *b\n  b: 3\n";

        // Act
        var converted = YamlJsonConverter.Convert(Load(yaml));

        // Assert
        converted["use"]!.ToString(Formatting.None).Should().Be("""{"b":3,"a":1}""");
    }

    private static YamlNode Load(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents[0].RootNode;
    }
}
