using Pax.GoogleCloud.Iam;
using Pax.GoogleCloud.ResourceManager.Internal;

namespace Pax.Tool.Doctor.Inventory;

/// <summary>
/// Walks the project's ancestors with Resource Manager v3 — <c>projects.get</c> → <c>parent</c>, then <c>folders.get</c>
/// up to the organization — and reads each ancestor's IAM policy (<c>folders.getIamPolicy</c>,
/// <c>organizations.getIamPolicy</c>): a grant there is inherited by the project and everything in it, and Cloud Run's
/// <c>getIamPolicy</c> "does not include any inherited policies". An ancestor whose policy (or parent) cannot be read is
/// kept with what the read needs — or, when the <c>--timeout</c> budget ran out, with that — so a missing grant becomes
/// "can't tell", never an error.
/// </summary>
internal sealed class AncestryReader(ResourceHierarchyClient hierarchy)
{
    private const string Api = "cloudresourcemanager.googleapis.com";
    private const string Global = "global";

    // "The addition of the Folder must not cause the active Folder hierarchy to exceed a height of 10" (folders.create);
    // a longer chain, or one that comes back to a folder already seen, is not followed further.
    private const int MaxAncestors = 11;

    public async Task ReadAsync(string project, DoctorReads reads)
    {
        var inventory = reads.Inventory;
        string? parent = null;
        if (!await reads.TryAsync(Api, Global, "resourcemanager.projects.get", "roles/browser", async ct =>
                parent = await hierarchy.GetProjectParentAsync(project, ct).ConfigureAwait(false)).ConfigureAwait(false))
        {
            inventory.AncestryUnknown = $"the project's parent (resourcemanager.projects.get on {project}, {Needs(reads, "roles/browser")})";
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (parent is not null)
        {
            var ancestor = parent;
            if (!seen.Add(ancestor) || seen.Count > MaxAncestors)
            {
                inventory.AncestryUnknown = $"the ancestors above {ancestor} (a hierarchy deeper than {MaxAncestors - 1} folders, or a loop, is not followed)";
                return;
            }

            var kind = ancestor.Split('/')[0];
            var permission = $"resourcemanager.{kind}.getIamPolicy on {ancestor}";
            var role = $"roles/iam.securityReviewer on {ancestor}";
            IReadOnlyList<IamRoleBinding>? bindings = null;
            var read = await reads.TryAsync(Api, Global, permission, role, async ct =>
                bindings = await hierarchy.GetBindingsAsync(ancestor, ct).ConfigureAwait(false)).ConfigureAwait(false);
            inventory.Ancestors.Add(new AncestorPolicy(ancestor, bindings, read ? null : $"{permission} ({Needs(reads, role)})"));
            if (kind == "organizations")
            {
                return;
            }

            parent = null;
            if (!await reads.TryAsync(Api, Global, $"resourcemanager.folders.get on {ancestor}", "roles/browser", async ct =>
                    parent = await hierarchy.GetFolderParentAsync(ancestor, ct).ConfigureAwait(false)).ConfigureAwait(false))
            {
                inventory.AncestryUnknown = $"the parent of {ancestor} (resourcemanager.folders.get on {ancestor}, {Needs(reads, "roles/browser")})";
                return;
            }
        }
    }

    // Why a read did not happen: the budget, when it is spent (the read was cut short or never started), else the role it needs.
    private static string Needs(DoctorReads reads, string role) => reads.OutOfTime ? reads.OutOfTimeReason : role;
}
