using Pax.Orchestration.Completion;

namespace Pax.Orchestration.Tests.Completion;

/// <summary>The phase name rule: 1–100 letters, digits, '_' or '-' (it becomes part of Firestore document names).</summary>
public sealed class CompletionNamesTests
{
    [Theory]
    [InlineData("phase2")]
    [InlineData("a")]
    [InlineData("Contact_sheet-2")]
    public void A_phase_name_of_letters_digits_underscores_and_hyphens_is_valid(string phase) => Assert.Null(CompletionNames.ValidatePhase(phase));

    [Fact]
    public void A_phase_name_may_be_100_characters_long_but_not_101()
    {
        Assert.Null(CompletionNames.ValidatePhase(new string('p', 100)));
        Assert.NotNull(CompletionNames.ValidatePhase(new string('p', 101)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("two words")]
    [InlineData("a/b")]
    [InlineData("ph.ase")]
    [InlineData("phase\n")]
    [InlineData("café")]
    public void Anything_else_is_refused_naming_the_rule(string? phase) =>
        Assert.Equal($"phase '{phase}' must be 1-100 letters, digits, '_' or '-'", CompletionNames.ValidatePhase(phase));
}
