using System.Xml.Linq;
using GitOpsRunners.Diagnostics;

namespace GitOpsRunners.Validation.Reports;

/// <summary>JUnit XML: one test suite per cluster (plus repository-wide checks), one failing test case per error.</summary>
public static class JUnitReport
{
    public static string Render(ValidationReport report)
    {
        var suites = report
            .Clusters.Prepend(null)
            .Select(cluster =>
            {
                var findings = report
                    .Ordered.Where(f => f.Cluster == cluster && f.Severity >= Severity.Warning)
                    .ToList();
                var cases = findings
                    .Select(f =>
                    {
                        var testCase = new XElement(
                            "testcase",
                            new XAttribute("classname", cluster ?? "repository"),
                            new XAttribute("name", $"{f.RuleId} {f.Location}")
                        );
                        testCase.Add(
                            f.Severity == Severity.Error
                                ? new XElement(
                                    "failure",
                                    new XAttribute("message", f.Message),
                                    new XAttribute("type", f.RuleId),
                                    f.ToString()
                                )
                                : new XElement("system-out", f.ToString())
                        );
                        return testCase;
                    })
                    .ToList();
                if (cases.Count == 0)
                {
                    cases.Add(
                        new XElement(
                            "testcase",
                            new XAttribute("classname", cluster ?? "repository"),
                            new XAttribute("name", "valid")
                        )
                    );
                }

                return new XElement(
                    "testsuite",
                    new XAttribute("name", cluster ?? "repository"),
                    new XAttribute("tests", cases.Count),
                    new XAttribute("failures", findings.Count(f => f.Severity == Severity.Error)),
                    new XAttribute("errors", 0),
                    cases
                );
            });
        var document = new XDocument(
            new XElement("testsuites", new XAttribute("name", "validate"), new XAttribute("tests", 0), suites)
        );
        var root = document.Root!;
        root.SetAttributeValue("tests", root.Elements("testsuite").Sum(s => (int)s.Attribute("tests")!));
        root.SetAttributeValue("failures", root.Elements("testsuite").Sum(s => (int)s.Attribute("failures")!));
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" + root + "\n";
    }
}
