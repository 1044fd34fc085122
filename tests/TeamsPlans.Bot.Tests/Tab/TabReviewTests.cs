using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TeamsPlans.Storage;
using TeamsPlans.Bot.Tests.Conversation;
using static TeamsPlans.Bot.Tests.Tab.TabTestSupport;

namespace TeamsPlans.Bot.Tests.Tab;

/// <summary>
/// The import review's API in local mode over seed 001 imported as a draft in tenant-bk: the document's text with each
/// item's source span, corrections, an item added and removed, the people mapped, publishing; the rights (a member 404 on a draft,
/// another tenant's plan 404, a published plan 409); the chat preview's "Xem và sửa" link. Expected values are read from
/// the seed's text ("III. TỔ CHỨC THỰC HIỆN": Hưng, Thành, Cúc; Cúc's report "trước ngày 20/5 và 01/11/2023").
/// </summary>
public sealed class TabReviewTests : IAsyncLifetime
{
    private const string Plan = Scenario.Plan82;
    private const string Review = $"/tab/api/plans/{Plan}/review";
    private BotHarness _h = null!;

    public async Task InitializeAsync() => _h = await StartAsync(key: null, draft: true);

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private Task<(int Status, JsonNode? Body)> Hung(HttpMethod method, string path, object? json = null) =>
        SendAsync(_h, method, path, json, localUser: BotHarness.Hung.Aad);

    [Fact]
    public async Task The_review_shows_the_text_with_each_item_at_its_sentence()
    {
        var (status, view) = await Hung(HttpMethod.Get, Review);
        Assert.Equal(200, status);
        Assert.Equal("Draft", view!["status"]!.GetValue<string>());
        Assert.True(view["fromDocument"]!.GetValue<bool>());
        var text = view["text"]!.GetValue<string>();
        Assert.Contains("III. TỔ CHỨC THỰC HIỆN", text, StringComparison.Ordinal);
        var items = view["items"]!.AsArray();
        Assert.Equal(3, items.Count);
        string[] people = ["Ngô Tấn Hưng", "Nguyễn Tất Thành", "Hồ Thị Thu Cúc"];
        for (var i = 0; i < 3; i++)
        {
            var span = items[i]!["span"]!;
            var sentence = text.Substring(span["start"]!.GetValue<int>(), span["length"]!.GetValue<int>());
            Assert.Contains(people[i], sentence, StringComparison.Ordinal);
        }
        var cuc = items[2]!;
        Assert.Equal(["20/05/2023", "01/11/2023"], cuc["deadlines"]!.AsArray().Select(d => d!["value"]!.GetValue<string>()));
        Assert.Contains(view["members"]!.AsArray(), m => m!["name"]!.GetValue<string>() == BotHarness.Cuc.Name);
    }

    [Fact]
    public async Task Corrections_added_and_removed_items_then_publish_sends_the_fixed_date()
    {
        var a3 = $"{Plan}-a3";
        var (bad, error) = await Hung(HttpMethod.Put, $"{Review}/assignments/{a3}", new { deadlines = new[] { "31/02/2023" } });
        Assert.Equal(400, bad);
        Assert.Contains("không đọc được", error!["error"]!.GetValue<string>(), StringComparison.Ordinal);
        var (ok, _) = await Hung(HttpMethod.Put, $"{Review}/assignments/{a3}",
            new { deadlines = new[] { "25/05/2023", "01/11/2023" }, member = BotHarness.Cuc.Aad, duty = "Báo cáo kết quả về Sở trước hạn." });
        Assert.Equal(200, ok);

        var (createdStatus, added) = await Hung(HttpMethod.Post, $"{Review}/assignments",
            new { name = "Trần Thị Lan", duty = "Tổng hợp báo cáo của các tổ.", deadlines = new[] { "15/05/2023" }, member = BotHarness.Lan.Aad });
        Assert.Equal(201, createdStatus);
        var addedId = added!["assignmentId"]!.GetValue<string>();
        Assert.Equal(4, (await _h.Store.Assignments.ListByPlanAsync(BotHarness.Tenant, Plan)).Count);
        Assert.Equal(204, (await Hung(HttpMethod.Delete, $"{Review}/assignments/{addedId}")).Status);
        Assert.Equal(3, (await _h.Store.Assignments.ListByPlanAsync(BotHarness.Tenant, Plan)).Count);

        var (published, result) = await Hung(HttpMethod.Post, $"{Review}/publish");
        Assert.Equal(200, published);
        Assert.Equal(0, result!["failed"]!.GetValue<int>());
        await _h.DeliverQueuedAsync();
        var card = Scenario.Json(Scenario.AssignmentCardOf(_h, BotHarness.Cuc));
        Assert.Contains("25/05/2023", card, StringComparison.Ordinal);
        Assert.DoesNotContain("20/05/2023", card, StringComparison.Ordinal);
        var history = await _h.Services.GetRequiredService<IHistoryStore>().ListByAssignmentAsync(BotHarness.Tenant, a3);
        Assert.Contains(history, e => e.Event == HistoryEvent.Created && e.Source == HistorySource.Tab && e.Actor == BotHarness.Hung.Aad);

        // The plan's history (history page's JSON): the three assignments created from the tab, by Hưng; Lan holds none.
        var (_, lines) = await Hung(HttpMethod.Get, $"/tab/api/plans/{Plan}/history");
        var created = lines!["items"]!.AsArray().Where(l => l!["event"]!.GetValue<string>() == "Created").ToList();
        Assert.Equal(3, created.Count);
        Assert.All(created, l => Assert.Equal("trang Kế hoạch", l!["source"]!.GetValue<string>()));
        Assert.All(created, l => Assert.Equal(BotHarness.Hung.Name, l!["actor"]!.GetValue<string>()));
        var (_, one) = await Hung(HttpMethod.Get, $"/tab/api/plans/{Plan}/history?assignment={a3}");
        Assert.All(one!["items"]!.AsArray(), l => Assert.Equal(a3, l!["assignmentId"]!.GetValue<string>()));
        Assert.Equal(404, (await SendAsync(_h, HttpMethod.Get, $"/tab/api/plans/{Plan}/history", null, localUser: BotHarness.Lan.Aad)).Status);
        var other = await OtherTenantsOwnPlanAsync(_h);
        Assert.Equal(404, (await Hung(HttpMethod.Get, $"/tab/api/plans/{other}/history")).Status);

        // Published: corrections are refused.
        Assert.Equal(409, (await Hung(HttpMethod.Put, $"{Review}/assignments/{a3}", new { duty = "Khác." })).Status);
    }

    [Fact]
    public async Task A_member_is_refused_another_tenants_plan_is_not_found_and_the_preview_links_here()
    {
        // A member never sees a draft (not even that it exists), and cannot change it.
        Assert.Equal(404, (await SendAsync(_h, HttpMethod.Get, Review, null, localUser: BotHarness.Lan.Aad)).Status);
        Assert.Equal(404, (await SendAsync(_h, HttpMethod.Post, $"{Review}/publish", null, localUser: BotHarness.Lan.Aad)).Status);
        var other = await OtherTenantsOwnPlanAsync(_h);
        Assert.Equal(404, (await Hung(HttpMethod.Get, $"/tab/api/plans/{other}/review")).Status);
        Assert.Equal(404, (await Hung(HttpMethod.Post, $"/tab/api/plans/{other}/review/publish")).Status);

        // Hưng's chat holds the previews of both tenants' imports (the same test conversation; tenant-other imported 001 too).
        var links = _h.Connector.CardsIn(BotHarness.Hung.Conversation).SelectMany(Scenario.Objects)
            .Where(o => o["type"]?.GetValue<string>() == "Action.OpenUrl").ToList();
        var link = links.First(l => l["url"]!.GetValue<string>().EndsWith($"/tab/plans/{Plan}/review", StringComparison.Ordinal));
        Assert.Equal("Xem và sửa", link["title"]!.GetValue<string>());
        Assert.StartsWith("http", link["url"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
