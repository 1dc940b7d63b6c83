using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace Pax.Orchestration.Dashboard.Internal.Html;

/// <summary>Builds a page: every piece of data goes through <see cref="Text"/> (HtmlEncoder) or <see cref="Attribute"/>; markup is only ever a literal.</summary>
internal sealed class HtmlWriter
{
    private readonly StringBuilder _html = new();

    public HtmlWriter Raw(string markup)
    {
        _html.Append(markup);
        return this;
    }

    public HtmlWriter Text(string? text)
    {
        _html.Append(HtmlEncoder.Default.Encode(text ?? string.Empty));
        return this;
    }

    public HtmlWriter Attribute(string name, string? value)
    {
        _html.Append(' ').Append(name).Append("=\"").Append(HtmlEncoder.Default.Encode(value ?? string.Empty)).Append('"');
        return this;
    }

    /// <summary>Writes <c>&lt;a href="…"&gt;text&lt;/a&gt;</c>.</summary>
    public HtmlWriter Link(string href, string text) => Raw("<a").Attribute("href", href).Raw(">").Text(text).Raw("</a>");

    /// <summary>Writes a UTC time as <c>&lt;time datetime="…"&gt;</c> with a readable text.</summary>
    public HtmlWriter Time(DateTimeOffset? at)
    {
        if (at is not { } value)
        {
            return Raw("<span class=\"none\">—</span>");
        }

        var utc = value.ToUniversalTime();
        return Raw("<time").Attribute("datetime", utc.ToString("O", CultureInfo.InvariantCulture)).Raw(">")
            .Text(utc.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture)).Raw("</time>");
    }

    public override string ToString() => _html.ToString();
}
