using Pax.Analyzers.CSharp;

namespace Pax.Analyzers.Tests.CSharp;

public sealed class CSharpDeploymentTypesTests
{
    [Fact]
    public void Every_property_the_analyzer_reads_passes_the_name_filter()
    {
        foreach (var shape in TargetShape.Known)
        {
            Assert.True(CSharpDeploymentTypes.MayConfigure(shape.UrlProperty), shape.MetadataName);
        }

        Assert.All(TargetShape.OAuthPropertyNames, name => Assert.True(CSharpDeploymentTypes.MayConfigure(name), name));
        Assert.True(CSharpDeploymentTypes.MayConfigure(TargetShape.OidcProperty));
        Assert.True(CSharpDeploymentTypes.MayConfigure(GrantShape.RoleProperty));
        Assert.True(CSharpDeploymentTypes.MayConfigure(CSharpDeploymentTypes.InvokerIamDisabledProperty));
    }

    [Theory]
    [InlineData("ServiceAccountEmail")]
    [InlineData("Audience")]
    [InlineData("HttpMethod")]
    [InlineData("uri")]
    public void Other_properties_are_skipped_by_name(string name) => Assert.False(CSharpDeploymentTypes.MayConfigure(name));
}
