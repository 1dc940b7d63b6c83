using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Pax.PackageTests.Support;

/// <summary>Reads the assemblies a packed assembly grants its internals to (its <c>[InternalsVisibleTo]</c> attributes), without loading it.</summary>
internal static class AssemblyFriends
{
    public static IReadOnlyList<string> Of(ZipArchiveEntry entry)
    {
        using var copy = new MemoryStream();
        using (var stream = entry.Open())
        {
            stream.CopyTo(copy);
        }

        copy.Position = 0;
        using var pe = new PEReader(copy);
        var metadata = pe.GetMetadataReader();
        var friends = new List<string>();
        foreach (var handle in metadata.GetAssemblyDefinition().GetCustomAttributes())
        {
            var attribute = metadata.GetCustomAttribute(handle);
            if (attribute.Constructor.Kind != HandleKind.MemberReference
                || metadata.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent is not { Kind: HandleKind.TypeReference } parent
                || metadata.GetString(metadata.GetTypeReference((TypeReferenceHandle)parent).Name) != "InternalsVisibleToAttribute")
            {
                continue;
            }

            // ECMA-335 II.23.3: prolog 0x0001, then the constructor's one string argument.
            var value = metadata.GetBlobReader(attribute.Value);
            value.ReadUInt16();
            friends.Add(value.ReadSerializedString()!.Split(',')[0].Trim());
        }

        return friends;
    }
}
