using Pax.Collection.Cameras;
using Pax.Collection.Cameras.Internal;

namespace Pax.Collection.Tests.Cameras;

public sealed class RedactedUrlTests
{
    [Theory]
    [InlineData("https://user:pa55@cams.example/api", "https://user:***@cams.example/api")]
    [InlineData("https://token@cams.example/", "https://***@cams.example/")]
    [InlineData("http://u:p@ss@127.0.0.1:5080", "http://u:***@127.0.0.1:5080")]
    [InlineData("ftp://op:secret@example.com/x?y=@z", "ftp://op:***@example.com/x?y=@z")]
    [InlineData("not a url user:pw@host", "not a url user:pw@host")]
    [InlineData("https://cams.example/api/cameras?mail=a@b", "https://cams.example/api/cameras?mail=a@b")]
    [InlineData("https://webcams.nyctmc.org/", "https://webcams.nyctmc.org/")]
    public void Hides_the_user_information_and_keeps_the_rest(string text, string expected)
    {
        Assert.Equal(expected, RedactedUrl.Format(text));
    }

    [Fact]
    public void Formats_a_uri_from_its_original_text()
    {
        Assert.Equal("https://user:***@cams.example/", RedactedUrl.Format(new Uri("https://user:pa55@cams.example/")));
        Assert.Equal(string.Empty, RedactedUrl.Format((Uri?)null));
    }

    [Fact]
    public void The_options_error_for_a_bad_base_address_does_not_show_its_password()
    {
        var options = new NyctmcOptions { BaseAddress = new Uri("ftp://user:pa55@cams.example/") };

        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => Pax.Collection.Cameras.Internal.NyctmcOptionsValidator.ThrowIfInvalid(options));

        Assert.DoesNotContain("pa55", error.Message, StringComparison.Ordinal);
        Assert.Contains("user:***@", error.Message, StringComparison.Ordinal);
    }
}
