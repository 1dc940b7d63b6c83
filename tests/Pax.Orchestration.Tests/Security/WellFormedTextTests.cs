using Pax.Orchestration.Internal;

namespace Pax.Orchestration.Tests.Security;

/// <summary>Lone surrogates are found and repaired; pairs (real astral characters) are kept.</summary>
public sealed class WellFormedTextTests
{
    // A [Fact], not a [Theory]: theory data is serialised for discovery, which turns a lone surrogate into U+FFFD.
    [Fact]
    public void Lone_surrogates_are_not_well_formed_and_pairs_are()
    {
        Assert.True(WellFormedText.IsWellFormed("plain ascii"));
        Assert.True(WellFormedText.IsWellFormed("é😀 pair kept"));
        Assert.False(WellFormedText.IsWellFormed("\ud800"));
        Assert.False(WellFormedText.IsWellFormed("a\udc00b"));
        Assert.False(WellFormedText.IsWellFormed("ends with a high \ud83d"));
        Assert.False(WellFormedText.IsWellFormed("😀\ud800😀"));
    }

    [Fact]
    public void Repair_replaces_each_lone_surrogate_and_keeps_pairs_and_well_formed_instances()
    {
        const string Clean = "é😀";

        Assert.Equal("a\uFFFDb😀\uFFFD", WellFormedText.Repair("a\ud800b😀\udc00"));
        Assert.Same(Clean, WellFormedText.Repair(Clean));
        Assert.Null(WellFormedText.Repair(null));
    }
}
