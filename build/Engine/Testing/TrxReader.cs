using System.Xml;
using System.Xml.Linq;

namespace GitOpsRunners.Engine.Testing;

/// <summary>Counts test outcomes in Visual Studio TRX result files.</summary>
public static class TrxReader
{
    private static readonly XNamespace Trx = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";

    public static TestRunSummary Read(IEnumerable<string> trxFiles)
    {
        ArgumentNullException.ThrowIfNull(trxFiles);
        int passed = 0,
            failed = 0,
            skipped = 0;
        foreach (var file in trxFiles)
        {
            XDocument document;
            try
            {
                document = XDocument.Load(file);
            }
            catch (XmlException e)
            {
                throw new BuildException($"{file}:{e.LineNumber}: the test results are not valid TRX ({e.Message}).");
            }

            foreach (var result in document.Descendants(Trx + "UnitTestResult"))
            {
                switch ((string?)result.Attribute("outcome"))
                {
                    case "Passed":
                        passed++;
                        break;
                    case "Failed" or "Error" or "Timeout" or "Aborted":
                        failed++;
                        break;
                    default:
                        skipped++;
                        break;
                }
            }
        }

        return new TestRunSummary(passed, failed, skipped);
    }
}
