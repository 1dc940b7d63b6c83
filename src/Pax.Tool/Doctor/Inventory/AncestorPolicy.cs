using Pax.GoogleCloud.Iam;

namespace Pax.Tool.Doctor.Inventory;

/// <summary>A folder or the organization above the project, and its IAM bindings (inherited by everything below it).</summary>
/// <param name="Name">The ancestor: <c>folders/ID</c> or <c>organizations/ID</c>.</param>
/// <param name="Bindings">Its bindings, or <see langword="null"/> when its policy could not be read.</param>
/// <param name="Needs">When unread: the permission and role the read needs, for the "can't tell" warning.</param>
internal sealed record AncestorPolicy(string Name, IReadOnlyList<IamRoleBinding>? Bindings, string? Needs = null);
