using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Kiota.Abstractions.Authentication;
using TeamsPlans.Bot.Cards;
using TeamsPlans.Bot.Delivery;
using TeamsPlans.Bot.Sync;
using TeamsPlans.Bot.Tests.Conversation;
using TeamsPlans.GraphSync;
using TeamsPlans.GraphSync.Graph;
using TeamsPlans.GraphSync.Tests.Fakes;
using TeamsPlans.Plans.Model;
using TeamsPlans.Storage;
using static TeamsPlans.Bot.Tests.Conversation.BotHarness;
using static TeamsPlans.Bot.Tests.Conversation.Scenario;

namespace TeamsPlans.Bot.Tests.Sync;

/// <summary>
/// Issue 15, Planner follows the four states, through POST /api/messages with the board in Planner: the real Microsoft.Graph
/// SDK (GraphTaskBoard) against the local Graph-behaving server. Plan 82 (seed 001) is published on Monday 10/04/2023; Cúc's
/// duty (the third, "báo cáo về Sở") is re-dated to Friday 14/04/2023. Her report is handed in ("Chờ duyệt", category5),
/// returned with a reason ("Chưa hoàn thành, còn trong hạn", category3: no state change carries it, the decision does), handed
/// in again and accepted on Monday 17/04 — after the deadline: "Hoàn thành quá hạn" (category2, 100 %) on her card, the
/// principal's status card, the Sở's roll-up of the units implementing 1334/KH-SGDĐT (the plan seed 001 cites) and the
/// Planner task. The first duty, re-dated to Thursday 20/04, turns "Chưa hoàn thành, quá hạn" (category4) on Friday 21/04 by
/// the reminder scheduler's daily pass alone, on the fake clock.
/// </summary>
public sealed class PlannerFollowsStatesTests
{
    private const string Dept = "tenant-sgd";
    private static readonly TestUser Director = TestUser.Realistic("sgd-director", "Lê Văn Giám");
    private const string DoneLate = "Hoàn thành quá hạn";

    private sealed class Token : IAccessTokenProvider
    {
        public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? context = null, CancellationToken ct = default) =>
            Task.FromResult("test-token");
        public AllowedHostsValidator AllowedHostsValidator { get; } = new();
    }

    private static Task<BotHarness> StartAsync(FakeGraphServer graph) => BotHarness.StartAsync(new Dictionary<string, string>
    {
        ["GraphSync:GroupId"] = "group-school",
        ["GraphSync:BaseUrl"] = graph.BaseUrl,
        ["Delivery:Tenants:0"] = Tenant,
        ["Roles:Principals:1"] = Director.Aad,
        ["Rollup:Units:" + Dept + ":0"] = Tenant,
    }, s => s.Replace(ServiceDescriptor.Singleton<ITaskBoard>(sp =>
    {
        var time = sp.GetRequiredService<TimeProvider>();
        var client = GraphClientBuilder.Create(new BaseBearerTokenAuthenticationProvider(new Token()), graph.BaseUrl, time,
            sp.GetRequiredService<ILoggerFactory>().CreateLogger("graph"));
        return new GraphTaskBoard(client, sp.GetRequiredService<IOptions<GraphSyncOptions>>(), sp.GetRequiredService<IStateStore>().Sync, time,
            sp.GetRequiredService<ILogger<GraphTaskBoard>>());
    })));

    private static async Task<JsonObject> PlannerTaskAsync(BotHarness h, FakeGraphServer graph, string code)
    {
        await h.Services.GetRequiredService<SyncLane>().WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(30));
        return graph.TasksOfPlan(graph.Plans.Keys.Single()).Single(t => ((string)t["title"]!).StartsWith($"[{code}]", StringComparison.Ordinal));
    }

    private static async Task<(string Labels, int Percent)> LabelsAsync(BotHarness h, FakeGraphServer graph, string code)
    {
        var task = await PlannerTaskAsync(h, graph, code);
        return (string.Join(",", ((JsonObject)task["appliedCategories"]!).Where(kv => (bool?)kv.Value == true).Select(kv => kv.Key)
            .Order(StringComparer.Ordinal)), (int)task["percentComplete"]!);
    }

    private static async Task HandInAsync(BotHarness h, string summary)
    {
        var (_, current) = await h.InvokeAsync(Cuc, "refresh", ActionData(AssignmentCardOf(h, Cuc), "refresh"), trigger: "automatic");
        var (_, body) = await h.InvokeAsync(Cuc, "report", ReviewFlowTests.HandIn(current["value"]!.AsObject(), summary));
        Assert.Equal(200, body["statusCode"]!.GetValue<int>());
    }

    private static async Task DecideAsync(BotHarness h, string verb, string? reason = null)
    {
        var decision = ActionData(ReviewFlowTests.ReviewCardOf(h), verb);
        if (reason is not null) decision[CardVerbs.ReturnReasonInput] = reason;
        Assert.Equal(200, (await h.InvokeAsync(Hung, verb, decision)).Body["statusCode"]!.GetValue<int>());
    }

    private static async Task RedateAsync(BotHarness h, string assignmentId, DateOnly day)
    {
        var a = (await h.Store.Assignments.GetAsync(Tenant, assignmentId))!;
        await h.Store.Assignments.UpsertManyAsync([a with { Deadlines = [new Deadline(DueDate.OnDate(day), null, "Báo cáo", "Sở GD&ĐT", null)] }]);
    }

    [Fact]
    public async Task Hand_in_return_hand_in_accept_late_is_done_late_on_card_status_rollup_and_planner_and_overdue_follows_the_clock()
    {
        await using var graph = await FakeGraphServer.StartAsync();
        await using var h = await StartAsync(graph);
        await PublishAsync(h);
        await h.DeliverQueuedAsync();
        await RedateAsync(h, Plan82 + "-a3", new DateOnly(2023, 4, 14));
        await RedateAsync(h, Plan82 + "-a1", new DateOnly(2023, 4, 20));
        var scheduler = h.Services.GetRequiredService<ReminderScheduler>();
        await scheduler.RunOnceAsync(default);
        Assert.Equal(("category3", 0), await LabelsAsync(h, graph, "NV03"));

        await HandInAsync(h, "Đã tổ chức 2 buổi sinh hoạt chuyên đề.");
        Assert.Equal(("category5", 0), await LabelsAsync(h, graph, "NV03")); // Chờ duyệt
        await DecideAsync(h, CardVerbs.Return, "Thiếu số liệu khối 12");
        Assert.Equal(("category3", 0), await LabelsAsync(h, graph, "NV03")); // returned: not done, within the deadline

        h.Time.SetUtcNow(new DateTimeOffset(2023, 4, 17, 2, 0, 0, TimeSpan.Zero)); // Monday 17/04/2023 09:00
        await HandInAsync(h, "Bổ sung số liệu khối 12.");
        Assert.Equal(("category5", 0), await LabelsAsync(h, graph, "NV03"));
        await DecideAsync(h, CardVerbs.Accept);
        Assert.Equal(("category2", 100), await LabelsAsync(h, graph, "NV03")); // Hoàn thành quá hạn

        // Her card (updated in place), the principal's status card, the Sở's roll-up.
        var card = h.Connector.Posts.Last(p => p.ConversationId == Cuc.Conversation && p.Method == "PUT").Body["attachments"]![0]!["content"]!;
        Assert.Contains(Objects(card), o => o["id"]?.GetValue<string>() == "officialState"
            && o["text"]?.GetValue<string>() == "Tình trạng theo hạn: " + DoneLate);
        await h.SayAsync(Hung, "tình hình");
        var status = Objects(h.Connector.CardsIn(Hung.Conversation).Last()).Single(o => o["id"]?.GetValue<string>() == "officialStates-" + Plan82);
        Assert.Equal("1", TeamsPlans.Bot.Tests.Cards.CardModelTests.Facts(status)[DoneLate]);
        await h.Store.Plans.UpsertAsync(new StoredPlan(Dept, "kh-1334", new PlanDocument
        {
            Number = "1334/KH-SGDĐT", Issuer = "Sở Giáo dục và Đào tạo thành phố Hồ Chí Minh", Year = 2023, IssuedOn = new DateOnly(2023, 3, 27),
            Title = "Hoạt động đối ngoại và hội nhập quốc tế Ngành Giáo dục và Đào tạo năm 2023",
            Deadlines = [new Deadline(DueDate.Yearly(4, 14), Recurrence.Yearly, "Báo cáo kết quả", "Sở GD&ĐT", null)],
        }, null, PlanStatus.Published, null, new DateTimeOffset(2023, 3, 27, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2023, 3, 27, 0, 0, 0, TimeSpan.Zero)));
        await h.InstallAsync(Director, Dept);
        await h.SayAsync(Director, "tổng hợp đơn vị", Dept);
        var rollup = Objects(h.Connector.CardsIn(Director.Conversation).Last()).Single(o => o["id"]?.GetValue<string>() == "rollupStates");
        Assert.Equal("1", TeamsPlans.Bot.Tests.Cards.CardModelTests.Facts(rollup)[DoneLate]);

        // Time alone: on Friday 21/04 the first duty (due Thursday 20/04) is overdue in Planner after the daily pass; a second
        // pass the same day writes nothing.
        Assert.Equal(("category3", 0), await LabelsAsync(h, graph, "NV01"));
        h.Time.SetUtcNow(new DateTimeOffset(2023, 4, 21, 2, 0, 0, TimeSpan.Zero));
        await scheduler.RunOnceAsync(default);
        Assert.Equal(("category4", 0), await LabelsAsync(h, graph, "NV01")); // Chưa hoàn thành, quá hạn
        Assert.Equal(("category2", 100), await LabelsAsync(h, graph, "NV03"));
        graph.ClearLog();
        await scheduler.RunOnceAsync(default);
        Assert.DoesNotContain(graph.Writes(), r => r.Path.Contains("/planner/tasks", StringComparison.Ordinal));
    }
}
