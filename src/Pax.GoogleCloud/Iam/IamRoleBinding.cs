namespace Pax.GoogleCloud.Iam;

/// <summary>One binding of an IAM policy as read (<c>google.iam.v1.Binding</c>): a role and its members.</summary>
/// <param name="Role">The role, such as <c>roles/run.invoker</c>.</param>
/// <param name="Members">The members, such as <c>serviceAccount:a@p.iam.gserviceaccount.com</c> or <c>allUsers</c>.</param>
/// <param name="Conditional">Whether the binding has a condition (it then holds only when the condition does).</param>
internal sealed record IamRoleBinding(string Role, IReadOnlyList<string> Members, bool Conditional);
