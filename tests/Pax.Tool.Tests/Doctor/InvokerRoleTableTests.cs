using System.Reflection;
using Pax.Iam;
using static Pax.Tool.Tests.Doctor.DoctorProject;

namespace Pax.Tool.Tests.Doctor;

/// <summary>Item 3 of issue 26: one role table, compiled into Pax.Analyzers and Pax.Tool from the same file, so the two never disagree.</summary>
public sealed class InvokerRoleTableTests
{
    private static readonly string[] Permissions = [InvokerRoleTable.InvokeService, InvokerRoleTable.RunJob, InvokerRoleTable.RunJobWithOverrides, InvokerRoleTable.InvokeFunction];

    [Fact]
    public void The_analyzers_and_the_doctor_read_the_same_rows()
    {
        var analyzerTable = AnalyzerType("Pax.Iam.InvokerRoleTable");
        Assert.NotSame(typeof(InvokerRoleTable).Assembly, analyzerTable.Assembly);

        var analyzerRows = ((IEnumerable<KeyValuePair<string, string[]>>)analyzerTable.GetProperty("Rows", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!)
            .Select(r => $"{r.Key}: {string.Join(',', r.Value)}").ToArray();
        var doctorRows = InvokerRoleTable.Rows.Select(r => $"{r.Key}: {string.Join(',', r.Value)}").ToArray();

        Assert.NotEmpty(doctorRows);
        Assert.Equal(doctorRows, analyzerRows);
    }

    [Fact]
    public void The_analyzers_rule_and_the_doctor_judge_every_role_and_permission_alike()
    {
        var mayHoldAny = AnalyzerType("Pax.Analyzers.Deployment.InvokerRoles").GetMethod("MayHoldAny", BindingFlags.Public | BindingFlags.Static)!;
        string[] roles = [.. InvokerRoleTable.Rows.Select(r => r.Key), "roles/pubsub.subscriber", "roles/compute.admin", "projects/p/roles/custom"];

        foreach (var role in roles)
        {
            foreach (var permission in Permissions)
            {
                var analyzer = (bool)mayHoldAny.Invoke(null, [role, new[] { permission }])!;
                Assert.True(analyzer == (InvokerRoleTable.Holds(role, permission) != false), $"{role} / {permission}");
            }
        }
    }

    [Fact]
    public async Task The_doctor_counts_a_role_of_the_shared_table_its_own_copy_lacked()
    {
        // roles/cloudfunctions.admin holds run.* (cloud.google.com/functions/docs/reference/iam/roles): the analyzers knew it, the doctor did not.
        await using var project = await StartAsync();
        project.ResourceManager.SetProjectPolicy(Project, Policy(("roles/cloudfunctions.admin", [$"serviceAccount:{PushAccount}"])));
        project.Run.AddService(Orchestrator, OrchestratorUrl);
        project.PubSub.AddSubscription(PushSubscription("completions-push", new Uri(OrchestratorUrl, "/pubsub"), PushAccount, deadLetter: true));

        var (code, report, _) = await project.ReportAsync();

        Assert.Equal(0, code);
        Assert.Empty(report.GetProperty("findings").EnumerateArray());
    }

    private static Type AnalyzerType(string name) =>
        Assembly.Load("Pax.Analyzers").GetType(name, throwOnError: true)!;
}
