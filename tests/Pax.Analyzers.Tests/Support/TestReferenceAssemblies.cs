using Microsoft.CodeAnalysis.Testing;

namespace Pax.Analyzers.Tests.Support;

/// <summary>
/// .NET 8 reference assemblies from a Microsoft.NETCore.App.Ref version the registry serves
/// (ReferenceAssemblies.Net.Net80 asks for 8.0.0, which it does not).
/// </summary>
internal static class TestReferenceAssemblies
{
    public static readonly ReferenceAssemblies Net80 = new(
        "net8.0",
        new PackageIdentity("Microsoft.NETCore.App.Ref", "8.0.31"),
        Path.Combine("ref", "net8.0"));
}
