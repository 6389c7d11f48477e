using System.Xml.Linq;

namespace GitOpsRunners.Smoke;

/// <summary>JUnit XML: one test suite per cluster, one test case per check; Fail and Pending (at the end of the wait) are failures.</summary>
public static class SmokeJUnitWriter
{
    public static string Render(SmokeReport report)
    {
        var cases = report
            .Results.Select(r =>
            {
                var testCase = new XElement(
                    "testcase",
                    new XAttribute("classname", $"smoke.{report.Cluster}.{r.Name}"),
                    new XAttribute("name", r.Object ?? r.Name)
                );
                if (r.State != CheckState.Pass)
                {
                    var events = string.Join('\n', report.EventsFor(r.Object).Select(e => e.ToString()));
                    testCase.Add(
                        new XElement(
                            "failure",
                            new XAttribute("message", r.Reason),
                            new XAttribute("type", r.State == CheckState.Fail ? "failed" : "pending"),
                            events.Length == 0 ? r.Reason : $"{r.Reason}\n{events}"
                        )
                    );
                }

                return testCase;
            })
            .ToList();
        var suite = new XElement(
            "testsuite",
            new XAttribute("name", $"smoke {report.Cluster}"),
            new XAttribute("tests", cases.Count),
            new XAttribute("failures", report.NotPassed.Count),
            new XAttribute("errors", 0),
            new XAttribute(
                "time",
                report.Elapsed.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)
            ),
            cases
        );
        var root = new XElement(
            "testsuites",
            new XAttribute("name", "smoke"),
            new XAttribute("tests", cases.Count),
            new XAttribute("failures", report.NotPassed.Count),
            suite
        );
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" + root + "\n";
    }

    public static async Task WriteAsync(SmokeReport report, string path, CancellationToken ct)
    {
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }

        await File.WriteAllTextAsync(path, Render(report), ct).ConfigureAwait(false);
    }
}
