using GitOpsRunners.Diagnostics;
using GitOpsRunners.Engine;
using GitOpsRunners.Manifests;
using GitOpsRunners.Validation.Rules;
using GitOpsRunners.Validation.Schemas;
using YamlDotNet.RepresentationModel;

namespace GitOpsRunners.Tests.Validation.Schemas;

public class KubeconformReportSpecs
{
    private const string Output = """
        {
          "resources": [
            {
              "filename": "/tmp/objects/00000.yaml",
              "kind": "Deployment",
              "name": "web",
              "version": "apps/v1",
              "status": "statusInvalid",
              "msg": "problem validating schema. Check JSON formatting: jsonschema validation failed",
              "validationErrors": [
                {"path": "/spec/replicas", "msg": "got string, want null or integer"},
                {"path": "/spec", "msg": "additional properties 'templates' not allowed"}
              ]
            },
            {
              "filename": "/tmp/objects/00001.yaml",
              "kind": "Widget",
              "name": "gadget",
              "version": "example.com/v1",
              "status": "statusError",
              "msg": "could not find schema for Widget"
            },
            {"filename": "/tmp/objects/00002.yaml", "kind": "ConfigMap", "name": "ok", "version": "v1", "status": "statusValid", "msg": ""}
          ],
          "summary": {"valid": 1, "invalid": 1, "errors": 1, "skipped": 0}
        }
        """;

    [Fact]
    public void Invalid_and_error_results_become_findings_on_the_objects_they_name()
    {
        var objects = new Dictionary<string, Manifest>
        {
            ["00000.yaml"] = Manifest(
                "Deployment",
                "web",
                "apps/deploy.yaml",
                "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: two\n"
            ),
            ["00001.yaml"] = Manifest(
                "Widget",
                "gadget",
                "apps/widget.yaml",
                "apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: gadget}\n"
            ),
            ["00002.yaml"] = Manifest(
                "ConfigMap",
                "ok",
                "apps/ok.yaml",
                "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ok}\n"
            ),
        };
        var locator = new ScanLocator(objects.Values);

        var findings = KubeconformReport.ToFindings(Output, objects, locator);

        findings
            .Select(f => (f.RuleId, f.Object, f.Location!.ToString()))
            .Should()
            .Equal(
                ("schema", "Deployment/web", "apps/deploy.yaml:5:3"),
                ("schema", "Deployment/web", "apps/deploy.yaml:4:1"),
                ("schema-missing", "Widget/gadget", "apps/widget.yaml:1")
            );
        findings[0].Message.Should().Be("at '/spec/replicas': got string, want null or integer (kubeconform)");
    }

    [Fact]
    public void Asking_for_kubeconform_without_the_binary_says_how_to_get_it()
    {
        var path = Environment.GetEnvironmentVariable("PATH");
        if ((path ?? "").Split(':').Any(d => File.Exists(Path.Combine(d, "kubeconform"))))
        {
            return;
        }

        var act = () => GitOpsRunners.Tools.KubeconformCli.Locate();

        act.Should().Throw<BuildException>().WithMessage("*kubeconform was not found on PATH*--validator kubeconform*");
    }

    private static Manifest Manifest(string kind, string name, string file, string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var body = (YamlMappingNode)stream.Documents[0].RootNode;
        return new Manifest(body.ScalarAt("apiVersion")!, kind, name, null, body, new SourceLocation(file, 1));
    }
}
