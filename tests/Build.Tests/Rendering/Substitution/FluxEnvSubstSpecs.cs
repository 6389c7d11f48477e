using GitOpsRunners.Rendering.Substitution;

namespace GitOpsRunners.Tests.Rendering.Substitution;

public class FluxEnvSubstSpecs
{
    public static TheoryData<string, string, string> Expansions =>
        new()
        {
            // variables, input, expected
            { "", "no dollars at all", "no dollars at all" },
            { "name=runner", "${name}", "runner" },
            { "a=1;b=2", "${a}${b}-${a}", "12-1" },
            { "name=runner", "$name and $$name", "$name and $name" },
            { "name=runner", "$${name}", "${name}" },
            { "a=1", "${a}$${b}$b", "1${b}$b" },
            { "", "cost: $$5 and $$$", "cost: $5 and $$" },
            { "x=1", "C:\\dir\\${x}\\", "C:\\dir\\1\\" },
            { "x=1", "} ${x} }", "} 1 }" },
            { "x=1;y=2", "a: ${x}\nb:\n  - ${y}\n", "a: 1\nb:\n  - 2\n" },
            { "", "${missing}", "" },
            // length counts UTF-8 bytes, as Go's len does
            { "name=runner", "${#name}", "6" },
            { "w=héllo", "${#w}", "6" },
            { "", "${#missing}", "0" },
            // case
            { "name=runner", "${name^}", "Runner" },
            { "name=runner", "${name^^}", "RUNNER" },
            { "shout=RUNNER", "${shout,}", "rUNNER" },
            { "shout=RUNNER", "${shout,,}", "runner" },
            { "city=élan", "${city^}", "Élan" },
            { "bird=ñandú", "${bird^^}", "ÑANDÚ" },
            { "name=runner", "${name,^}", "runner" },
            // substring
            { "v=abcdefgh", "${v:3}", "defgh" },
            { "v=abcdefgh", "${v:3:2}", "de" },
            { "v=abcdefgh", "${v:3:100}", "defgh" },
            { "v=abcdefgh", "${v:100}", "" },
            { "v=abcdefgh", "${v:2:-1}", "cdefg" },
            { "v=abcdefgh", "${v:6:-4}", "" },
            { "v=abcdefgh;neg=-3", "${v:${neg}}", "fgh" },
            { "v=abcdefgh;neg=-3", "${v:${neg}:2}", "fg" },
            { "v=abcdefgh;big=-200", "${v:${big}:2}", "ab" },
            { "v=abcdefgh", "${v: 3}", "abcdefgh" },
            { "v=abcdefgh", "${v:x}", "abcdefgh" },
            { "v=abcdefgh", "${v:1:2:3}", "abcdefgh" },
            { "w=héllo", "${w:1:3}", "él" },
            { "w=héllo", "${w:2}", "\uFFFDllo" },
            // strip (globs; '*' also matches '/')
            { "file=app.config.yaml", "${file#*.}", "config.yaml" },
            { "file=app.config.yaml", "${file##*.}", "yaml" },
            { "file=app.config.yaml", "${file%.*}", "app.config" },
            { "file=app.config.yaml", "${file%%.*}", "app" },
            { "path=/srv/data/app.yaml", "${path##*/}", "app.yaml" },
            { "path=/srv/data/app.yaml", "${path#*/}", "srv/data/app.yaml" },
            { "tag=v1.2.3", "${tag#v}", "1.2.3" },
            { "tag=v1.2.3", "${tag#?}", "1.2.3" },
            { "tag=v1.2.3", "${tag#[0-9v]}", "1.2.3" },
            { "tag=v1.2.3", "${tag#[^v]}", "v1.2.3" },
            { "tag=v1.2.3", "${tag#v1\\.2}", ".3" },
            { "tag=v1.2.3", "${tag#x}", "v1.2.3" },
            { "tag=v1.2.3", "${tag#*}", "1.2.3" },
            { "tag=v1.2.3", "${tag##*}", "" },
            { "tag=v1.2.3", "${tag#[}", "v1.2.3" },
            { "tag=v1.2.3", "${tag%.*}", "v1.2" },
            { "tag=v1.2.3", "${tag%.[0-9]}", "v1.2.3" },
            // replace (plain text, not globs)
            { "repo=github.com/github", "${repo/github/ghe}", "ghe.com/github" },
            { "repo=github.com/github", "${repo//github/ghe}", "ghe.com/ghe" },
            { "repo=github.com/github", "${repo/#github/ghe}", "ghe.com/github" },
            { "repo=github.com/github", "${repo/#com/x}", "github.com/github" },
            { "repo=github.com/github", "${repo/%github/ghe}", "github.com/ghe" },
            { "repo=github.com/github", "${repo/\\//-}", "github.com-github" },
            { "repo=a/b/c", "${repo//\\//\\\\}", "a\\b\\c" },
            { "repo=github.com/github", "${repo/.com/}", "github/github" },
            { "repo=github.com/github", "${repo//github/}", ".com/" },
            { "repo=github.com/github", "${repo/#github/}", "github.com/github" },
            { "s=ab", "${s///-}", "-a-b-" },
            { "s=ab", "${s/#/>}", ">ab" },
            { "s=ab", "${s/%/<}", "ab<" },
            { "s=ab", "${s/b}/c}", "ab" },
            { "star=a*b", "${star/*/x}", "axb" },
            { "price=$5", "${price/$$/USD }", "USD 5" },
            { "a=x;b=y;s=xx", "${s//${a}/${b}}", "yy" },
            // defaults: every default operator treats an empty value as unset
            { "", "${missing:=dev}", "dev" },
            { "", "${missing=dev}", "dev" },
            { "", "${missing:-dev}", "dev" },
            { "empty=", "${empty:-dev}", "dev" },
            { "empty=", "${empty=dev}", "dev" },
            { "set=prod", "${set:-dev}", "prod" },
            { "set=prod", "${set=dev}", "prod" },
            { "", "${missing:?boom}", "boom" },
            { "", "${missing:+alt}", "alt" },
            { "set=prod", "${set:+alt}", "prod" },
            { "", "${missing:-}", "" },
            { "", "${missing:-$$x}", "$$x" },
            { "", "${missing:-a}b}", "ab}" },
            { "region=westeurope", "${missing:=${region}-aks}", "westeurope-aks" },
            { "a=1;b=2", "${missing:=pre-${a}-${b} post}", "pre-1-2 post" },
            { "", "${missing:=${other:=deep}}", "deep" },
            { "name=runner", "${missing:=${name^^}}", "RUNNER" },
            // names: Unicode letters and leading digits parse (Flux only ever defines ASCII names)
            { "", "${größe:-none}", "none" },
            { "", "${1st:-first}", "first" },
        };

    [Theory]
    [MemberData(nameof(Expansions))]
    public void An_expression_expands_like_Flux_envsubst(string variables, string input, string expected)
    {
        // Arrange
        var vars = TestVariables.Parse(variables);

        // Act
        var output = FluxEnvSubst.Expand(input, vars, strict: false);

        // Assert
        output.Should().Be(expected);
    }

    public static TheoryData<string, string, string> ExpansionsWithoutUnsetReferences()
    {
        var rows = new TheoryData<string, string, string>();
        foreach (var row in Expansions)
        {
            var (variables, input, expected) = ((string)row[0], (string)row[1], (string)row[2]);
            var unsetWithoutDefault =
                input.Contains("missing", StringComparison.Ordinal)
                && !input.Contains("missing:", StringComparison.Ordinal)
                && !input.Contains("missing=", StringComparison.Ordinal);
            if (!unsetWithoutDefault)
            {
                rows.Add(variables, input, expected);
            }
        }

        return rows;
    }

    [Theory]
    [MemberData(nameof(ExpansionsWithoutUnsetReferences))]
    public void Strict_mode_gives_the_same_result_when_every_variable_is_set_or_defaulted(
        string variables,
        string input,
        string expected
    )
    {
        // Arrange
        var vars = TestVariables.Parse(variables);

        // Act
        var output = FluxEnvSubst.Expand(input, vars, strict: true);

        // Assert
        output.Should().Be(expected);
    }

    [Fact]
    public void A_set_but_empty_variable_is_not_missing_in_strict_mode()
    {
        // Arrange
        var vars = TestVariables.Parse("empty=");

        // Act
        var output = FluxEnvSubst.Expand("value: '${empty}'", vars, strict: true);

        // Assert
        output.Should().Be("value: ''");
    }
}
