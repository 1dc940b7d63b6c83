using System.Reflection;
using Pax.Tool.Doctor.Findings;

namespace Pax.Tool.Tests.Doctor;

public sealed class DoctorRuleDocumentationTests
{
    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (var field in typeof(RuleIds).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            data.Add((string)field.GetValue(null)!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Every_id_pax_doctor_reports_has_its_page_and_is_in_both_rule_tables(string id)
    {
        var root = RepositoryFiles.Root;
        var page = Path.Combine(root, "docs", "rules", id + ".md");

        Assert.True(File.Exists(page), $"{page} is missing");
        Assert.StartsWith($"# {id}:", File.ReadAllText(page), StringComparison.Ordinal);
        Assert.Contains($"[{id}]({id}.md)", File.ReadAllText(Path.Combine(root, "docs", "rules", "README.md")), StringComparison.Ordinal);
        Assert.Contains($"[{id}](docs/rules/{id}.md)", File.ReadAllText(Path.Combine(root, "README.md")), StringComparison.Ordinal);
    }
}
