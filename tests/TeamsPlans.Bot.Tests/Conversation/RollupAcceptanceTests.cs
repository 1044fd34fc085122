using TeamsPlans.Storage;
using static TeamsPlans.Bot.Tests.Conversation.Scenario;

namespace TeamsPlans.Bot.Tests.Conversation;

/// <summary>
/// Issue 15, the department roll-up counts a unit's report when it is accepted, not when it is handed in. Seeded as
/// <see cref="RollupCommandTests"/> (today 01/06/2023; Trung Lập's report for the 10/05 deadline handed in on 08/05): its
/// history says the report awaits review, then that it was returned on 09/05, handed in again on 11/05 and accepted on
/// Friday 12/05/2023, after the deadline (Wednesday 10/05).
/// </summary>
public sealed class RollupAcceptanceTests
{
    private static readonly DateTimeOffset May8 = new(2023, 5, 8, 3, 0, 0, TimeSpan.Zero);

    private static HistoryEntry Line(HistoryEvent what, DateTimeOffset at, string? detail = null) =>
        new("tenant-tl", "kh-12", "kh-12-a1", what, what == HistoryEvent.ReportHandedIn ? "aad-x" : "aad-tl-head", null, HistorySource.Card, at, detail);

    private static async Task<(Dictionary<string, string> States, string Json, Dictionary<string, string> Facts)> RollupAsync(BotHarness h)
    {
        await h.SayAsync(RollupCommandTests.DirectorUser, "tổng hợp đơn vị", "tenant-sgd");
        var card = h.Connector.CardsIn(RollupCommandTests.DirectorUser.Conversation).Last();
        var states = TeamsPlans.Bot.Tests.Cards.CardModelTests.Facts(Objects(card).Single(o => o["id"]?.GetValue<string>() == "rollupStates"));
        return (states, Json(card), TeamsPlans.Bot.Tests.Cards.CardModelTests.Facts(card));
    }

    [Fact]
    public async Task A_units_report_awaiting_review_or_returned_is_not_done_and_accepted_after_the_deadline_is_done_late()
    {
        await using var h = await RollupCommandTests.SeededForStatesAsync();
        var history = HistoryStoreFactory.For(h.Store);
        await history.AppendAsync(Line(HistoryEvent.ReportHandedIn, May8, "bc.pdf"));

        // Awaiting review on 01/06: the three units' 10/05 reports are not done and overdue; the line says "chờ duyệt".
        var (states, json, facts) = await RollupAsync(h);
        Assert.Equal(("0", "0", "3", "3"), (states["Hoàn thành đúng hạn"], states["Hoàn thành quá hạn"], states["Chưa hoàn thành, quá hạn"],
            states["Chưa hoàn thành, còn trong hạn"]));
        Assert.Contains("10/05/2023: ✓ đã nộp 08/05/2023 · chờ duyệt · quá hạn", json, StringComparison.Ordinal);
        Assert.Equal("3", facts["Đơn vị quá hạn"]);

        // Returned on 09/05, handed in again on 11/05 (a second report), accepted on 12/05: done late.
        await history.AppendAsync(Line(HistoryEvent.Returned, May8.AddDays(1), "Thiếu số liệu"));
        var again = May8.AddDays(3);
        await h.Store.Reports.AddAsync(new ReportSubmission("tenant-tl", "r1-2", "kh-12-a1", "2023-05-10", "bc-2.pdf", null, "aad-x", again));
        await history.AppendAsync(Line(HistoryEvent.ReportHandedIn, again, "bc-2.pdf"));
        (states, json, _) = await RollupAsync(h);
        Assert.Equal("3", states["Chưa hoàn thành, quá hạn"]); // returned, then awaiting again
        await history.AppendAsync(Line(HistoryEvent.Accepted, May8.AddDays(4)));
        (states, json, facts) = await RollupAsync(h);
        Assert.Equal(("0", "1", "2"), (states["Hoàn thành đúng hạn"], states["Hoàn thành quá hạn"], states["Chưa hoàn thành, quá hạn"]));
        Assert.DoesNotContain("chờ duyệt", json, StringComparison.Ordinal);
        Assert.Equal("2", facts["Đơn vị quá hạn"]);
    }
}
