using System.Globalization;
using TeamsPlans.Bot.Tests.Conversation;
using TeamsPlans.Plans.Model;
using TeamsPlans.Storage;
using static TeamsPlans.Bot.Tests.Conversation.BotHarness;
using static TeamsPlans.Bot.Tests.Conversation.Scenario;

namespace TeamsPlans.Bot.Tests.Fidelity;

/// <summary>
/// Issue 19: a card over Teams' message limit is refused (413 MessageSizeTooBig), so long cards are paged rather than
/// trimmed: the status card of a school with more plans than fit shows "Trang sau", and every plan is on some page.
/// </summary>
public sealed class StatusPagingTests
{
    [Fact]
    public async Task The_status_of_more_plans_than_fit_is_paged_with_Trang_sau_and_every_plan_appears_once()
    {
        await using var h = await StartAsync();
        await h.InstallAsync(Hung);
        await h.InstallAsync(Lan);
        var now = h.Time.GetUtcNow();
        var titles = new List<string>();
        for (var i = 1; i <= 12; i++)
        {
            var title = string.Create(CultureInfo.InvariantCulture, $"Kế hoạch tổ chức hoạt động số {i:00} năm học 2023-2024");
            titles.Add(title);
            var doc = new PlanDocument { Number = string.Create(CultureInfo.InvariantCulture, $"{i}/KH-THPT"), Title = title, Year = 2023 };
            await h.Store.Plans.UpsertAsync(new StoredPlan(Tenant, "kh-page-" + i.ToString("00", CultureInfo.InvariantCulture), doc, null,
                PlanStatus.Published, Hung.Aad, now.AddMinutes(i), now.AddMinutes(i)));
        }

        await h.SayAsync(Hung, "tình hình");
        var seen = new List<string>();
        var card = h.Connector.CardsIn(Hung.Conversation).Last();
        for (var page = 0; page < 12; page++)
        {
            var json = Json(card);
            seen.AddRange(titles.Where(t => json.Contains(t, StringComparison.Ordinal)));
            var next = Objects(card).FirstOrDefault(o => o["verb"]?.GetValue<string>() == "statusPage");
            if (next is null) break;
            Assert.StartsWith("Trang sau", next["title"]!.GetValue<string>(), StringComparison.Ordinal);
            // A member who is no principal cannot page through the school's plans.
            Assert.Equal(400, (await h.InvokeAsync(Lan, "statusPage", next["data"]!.AsObject())).Body["statusCode"]!.GetValue<int>());
            var (_, body) = await h.InvokeAsync(Hung, "statusPage", next["data"]!.AsObject());
            Assert.Equal(200, body["statusCode"]!.GetValue<int>());
            card = body["value"]!.AsObject();
        }
        Assert.Equal(titles.Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));
    }
}
