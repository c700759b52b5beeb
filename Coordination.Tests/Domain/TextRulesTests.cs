using Coordination.Core;

namespace Coordination.Tests.Domain;

/// <summary>The one rule for typed text: what hides or rewrites what a reader sees is refused, ordinary Chinese and English text is not.</summary>
public sealed class TextRulesTests
{
    [Theory]
    [InlineData("陈小明")]
    [InlineData("Wang Xiaoli")]
    [InlineData("阿依古丽·买买提")]
    [InlineData("")]
    [InlineData(null)]
    public void An_ordinary_name_is_accepted(string? name) => Assert.Null(TextRules.Problem(name, 50));

    [Theory]
    [InlineData("陈\u0000明", "Error.Text.Control")]
    [InlineData("陈\u001B明", "Error.Text.Control")]
    [InlineData("陈\u0085明", "Error.Text.Control")]
    [InlineData("陈\r\n明", "Error.Text.Control")]
    [InlineData("陈\u202E明", "Error.Text.Control")]
    [InlineData("陈\u2066明", "Error.Text.Control")]
    [InlineData("陈\u2028明", "Error.Text.Control")]
    [InlineData("\u200B\u200C\u200D", "Error.Text.Invisible")]
    [InlineData("\uFEFF \u2060", "Error.Text.Invisible")]
    public void A_name_with_controls_line_breaks_bidi_controls_or_only_invisible_characters_is_refused(string name, string code) =>
        Assert.Equal(code, TextRules.Problem(name, 50));

    [Fact]
    public void Free_text_may_have_line_breaks_but_not_other_controls_and_not_more_than_its_limit()
    {
        Assert.Null(TextRules.Problem("第一行\r\n第二行\t缩进", 100, multiline: true));
        Assert.Equal("Error.Text.Control", TextRules.Problem("第一行\u0000", 100, multiline: true));
        Assert.Equal("Error.Text.TooLong", TextRules.Problem(new string('字', 101), 100, multiline: true));
    }
}
