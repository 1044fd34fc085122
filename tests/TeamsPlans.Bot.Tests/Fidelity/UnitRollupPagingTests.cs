using System.Net;
using System.Text.RegularExpressions;
using TeamsPlans.Bot.Cards;
using TeamsPlans.Bot.Tests.Conversation;
using static TeamsPlans.Bot.Tests.Conversation.BotHarness;
using static TeamsPlans.Bot.Tests.Conversation.Scenario;
using static TeamsPlans.Bot.Tests.Units.UnitAssignmentTests;

namespace TeamsPlans.Bot.Tests.Fidelity;

/// <summary>
/// Issue 19: the unit roll-up of a department plan lists every unit it gives duties to; Teams refuses a message over its limit
/// (413), so the card pages its units ("Trang sau (N đơn vị nữa)") instead of dropping them into "… và N mục khác". Seed 002
/// (the Sở GD&amp;ĐT TP.HCM plan: "các đơn vị" = every unit below the Sở) published over the test Sở's directory.
/// </summary>
public sealed partial class UnitRollupPagingTests
{
    [GeneratedRegex(@"^(?:🔴|🟠|🟢) .* \((?<code>[A-Z0-9]+)\)$")]
    private static partial Regex UnitLine();

    [Fact]
    public async Task The_unit_rollup_of_69_units_is_paged_with_Trang_sau_each_page_fits_and_every_unit_appears_once()
    {
        await using var h = await StartAsync();
        var rows = await DirectoryAsync(h);
        AddSeed(h, "002");
        await h.InstallAsync(Hung);
        await h.SayAsync(Hung, "nhập kế hoạch 002");
        var (status, body) = await h.InvokeAsync(Hung, "publish", ActionData(h.Connector.CardsIn(Hung.Conversation).Last(), "publish"));
        Assert.Equal(200, body["statusCode"]!.GetValue<int>());

        await h.SayAsync(Hung, "tổng hợp đơn vị");
        Assert.Equal(0, h.Connector.TooLarge);
        Assert.InRange(h.Connector.Posts.Last(p => p.ConversationId == Hung.Conversation).Utf16Bytes, 1, 32 * 1024);
        var card = h.Connector.CardsIn(Hung.Conversation).Last();
        var seen = new List<string>();
        for (var page = 0; page < 20; page++)
        {
            seen.AddRange(Objects(card).Select(o => o["text"]?.GetValue<string>() ?? "").Select(t => UnitLine().Match(t))
                .Where(m => m.Success).Select(m => m.Groups["code"].Value));
            var next = Objects(card).FirstOrDefault(o => o["verb"]?.GetValue<string>() == CardVerbs.Rollup && o["data"]?["unitSkip"] is not null);
            if (next is null) break;
            Assert.StartsWith("Trang sau", next["title"]!.GetValue<string>(), StringComparison.Ordinal);
            (status, body) = await h.InvokeAsync(Hung, CardVerbs.Rollup, next["data"]!.AsObject());
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal(200, body["statusCode"]!.GetValue<int>());
            Assert.InRange(System.Text.Encoding.Unicode.GetByteCount(Json(body)), 1, 32 * 1024);
            card = body["value"]!.AsObject();
        }
        // Every unit below the Sở (rows whose parent is set), each on exactly one page.
        var below = rows.Where(r => r[3].Length > 0).Select(r => r[0]).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(69, below.Count);
        Assert.Equal(below, seen.Order(StringComparer.Ordinal));
    }
}
