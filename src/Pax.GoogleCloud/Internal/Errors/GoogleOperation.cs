namespace Pax.GoogleCloud.Internal.Errors;

/// <summary>
/// What a call does, in IAM terms, so a refusal can say what to grant.
/// </summary>
/// <param name="Api">The API, such as <c>storage</c>.</param>
/// <param name="Permission">The IAM permission the call needs, such as <c>storage.objects.create</c>.</param>
/// <param name="Resource">The resource, such as <c>bucket 'b'</c>.</param>
/// <param name="Role">The narrowest predefined role that grants it, such as <c>roles/storage.objectCreator</c>.</param>
internal sealed record GoogleOperation(string Api, string Permission, string Resource, string Role)
{
    public override string ToString() => $"{Permission} on {Resource}";
}
