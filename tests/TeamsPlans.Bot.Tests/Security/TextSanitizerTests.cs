using TeamsPlans.Bot.Security;

namespace TeamsPlans.Bot.Tests.Security;

public sealed class TextSanitizerTests
{
    [Theory]
    [InlineData("a\r\nb", "a\\r\\nb")]
    [InlineData("x\u0000y\u001bz", "x?y?z")]
    [InlineData("line\u2028sep\u0085", "line?sep?")]
    [InlineData("evil\u202Egnp.exe", "evil?gnp.exe")]
    [InlineData("Ngô Tấn Hưng", "Ngô Tấn Hưng")]
    public void Log_text_is_one_line_and_keeps_Vietnamese(string input, string expected) => Assert.Equal(expected, LogText.Clean(input));

    [Fact]
    public void Log_text_is_cut_with_the_count_of_what_was_left_out()
    {
        var s = LogText.Clean(new string('x', 1000), 100)!;
        Assert.Equal(new string('x', 100) + "…(+900)", s);
    }

    [Fact]
    public void Echo_text_is_one_line_and_at_most_80_characters()
    {
        Assert.Equal("82/KH-THPT BK", EchoText.Cap("82/KH-THPT BK"));
        Assert.Equal("a b", EchoText.Cap("a\nb"));
        var cut = EchoText.Cap(new string('Ư', 500));
        Assert.Equal(80, cut.Length);
        Assert.EndsWith("…", cut, StringComparison.Ordinal);
        Assert.Equal("", EchoText.Cap(null));
    }
}
