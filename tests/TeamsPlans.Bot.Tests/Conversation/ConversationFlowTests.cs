using System.Net;
using System.Text.Json.Nodes;
using TeamsPlans.Bot.Cards;
using TeamsPlans.Plans.Model;
using TeamsPlans.Storage;
using static TeamsPlans.Bot.Tests.Conversation.BotHarness;

namespace TeamsPlans.Bot.Tests.Conversation;

/// <summary>The conversation driven through POST /api/messages of the real host, with a fake Bot Connector on loopback.</summary>
public sealed class ConversationFlowTests
{
    private const string Plan82 = "kh-82-kh-thpt-bk";

    private static string Json(JsonNode n) => n.ToJsonString(AdaptiveJson.Options);

    private static IEnumerable<JsonObject> Objects(JsonNode? n)
    {
        if (n is JsonObject o) { yield return o; foreach (var (_, v) in o) foreach (var x in Objects(v)) yield return x; }
        else if (n is JsonArray a) foreach (var x in a) foreach (var y in Objects(x)) yield return y;
    }

    private static JsonObject ActionData(JsonObject card, string verb) =>
        Objects(card).First(o => o["type"]?.GetValue<string>() == "Action.Execute" && o["verb"]?.GetValue<string>() == verb)["data"]!.DeepClone().AsObject();

    /// <summary>Hưng (principal), Thành and Lan install; Hưng imports plan 001 (82/KH-THPT BK).</summary>
    private static async Task<(BotHarness H, JsonObject Preview)> ImportedAsync()
    {
        var h = await StartAsync();
        await h.InstallAsync(Hung);
        await h.InstallAsync(Thanh);
        await h.InstallAsync(Lan);
        await h.SayAsync(Hung, "nhập kế hoạch 001");
        var preview = h.Connector.CardsIn(Hung.Conversation).Last();
        return (h, preview);
    }

    /// <summary>…then Cúc installs, Hưng maps Cúc's duty to her and publishes.</summary>
    private static async Task<BotHarness> PublishedAsync()
    {
        var (h, preview) = await ImportedAsync();
        await h.InstallAsync(Cuc);
        var data = ActionData(preview, "publish");
        data[CardVerbs.MapInputPrefix + Plan82 + "-a3"] = Cuc.Aad;
        var (status, body) = await h.InvokeAsync(Hung, "publish", data);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(200, body["statusCode"]!.GetValue<int>());
        return h;
    }

    private static JsonObject AssignmentCardOf(BotHarness h, TestUser u) =>
        h.Connector.CardsIn(u.Conversation).Last(c => Objects(c).Any(o => o["verb"]?.GetValue<string>() == "refresh"));

    [Fact]
    public async Task Install_greets_with_the_welcome_card_and_stores_the_reference_and_member()
    {
        await using var h = await StartAsync();
        await h.InstallAsync(Hung);
        var cards = h.Connector.CardsIn(Hung.Conversation);
        var welcome = Assert.Single(cards);
        Assert.Contains("Chào mừng đến với TeamsPlans", Json(welcome));
        Assert.Contains("nhập kế hoạch", Json(welcome)); // principal commands shown to the principal

        var reference = await h.Store.Conversations.GetAsync(Tenant, Hung.Aad);
        Assert.NotNull(reference);
        Assert.Equal(Hung.TeamsId, reference!.UserId);
        Assert.Equal(Hung.Conversation, reference.ConversationId);
        Assert.Equal(h.Connector.ServiceUrl, reference.ServiceUrl);
        Assert.Equal("28:bot-id", reference.BotId);
        Assert.Equal("msteams", reference.ChannelId);
        var member = await h.Store.Members.GetAsync(Tenant, Hung.Aad);
        Assert.Equal("Ngô Tấn Hưng", member!.DisplayName);
        Assert.True(member.Roles.HasFlag(MemberRoles.Principal));
        Assert.Equal("hung@bk.edu.vn", member.Email);

        // A second install event (Teams sends installationUpdate too) does not greet twice.
        await h.InstallAsync(Hung);
        Assert.Single(h.Connector.CardsIn(Hung.Conversation));

        await h.InstallAsync(Lan);
        Assert.False((await h.Store.Members.GetAsync(Tenant, Lan.Aad))!.CanSeeOthers);
        Assert.DoesNotContain("nhập kế hoạch", Json(h.Connector.CardsIn(Lan.Conversation).Single()));
    }

    [Fact]
    public async Task Import_from_the_library_stores_a_draft_and_previews_resolved_and_unresolved_assignees()
    {
        var (h, preview) = await ImportedAsync();
        await using var _ = h;
        var json = Json(preview);
        Assert.Contains("Xem trước kế hoạch nhập", json);
        Assert.Contains("82/KH-THPT BK", json);
        Assert.Contains("3 nhiệm vụ · 2 đã xác định người · 1 chưa xác định", json);
        Assert.Contains("✓ Ngô Tấn Hưng", json);
        Assert.Contains("✓ Nguyễn Tất Thành", json);
        // Cúc has not met the bot: a picker listing the tenant's members.
        var picker = Objects(preview).Single(o => o["type"]?.GetValue<string>() == "Input.ChoiceSet"
            && o["id"]!.GetValue<string>().StartsWith(CardVerbs.MapInputPrefix, StringComparison.Ordinal)); // not the regime's frequency
        Assert.Equal(CardVerbs.MapInputPrefix + Plan82 + "-a3", picker["id"]!.GetValue<string>());
        Assert.Equal(new[] { Hung.Aad, Lan.Aad, Thanh.Aad }.Order(), picker["choices"]!.AsArray().Select(c => c!["value"]!.GetValue<string>()).Order());
        Assert.Contains(Objects(preview), o => o["verb"]?.GetValue<string>() == "publish");

        var plan = await h.Store.Plans.GetAsync(Tenant, Plan82);
        Assert.Equal(PlanStatus.Draft, plan!.Status);
        var records = await h.Store.Assignments.ListByPlanAsync(Tenant, Plan82);
        Assert.Equal([Plan82 + "-a1", Plan82 + "-a2", Plan82 + "-a3"], records.OrderBy(r => r.Ordinal).Select(r => r.AssignmentId));
        Assert.Equal([Hung.Aad, Thanh.Aad, null], records.OrderBy(r => r.Ordinal).Select(r => r.MemberAadObjectId));

        // Nothing is sent to members before publishing.
        Assert.DoesNotContain(h.Connector.CardsIn(Thanh.Conversation), c => Json(c).Contains("Nhiệm vụ được giao"));

        // A plain member cannot import.
        await h.SayAsync(Lan, "nhap ke hoach 001");
        Assert.Contains("Chỉ Ban giám hiệu được nhập kế hoạch", Json(h.Connector.CardsIn(Lan.Conversation).Last()));
        // Unknown file: says so and lists the library.
        await h.SayAsync(Hung, "import khong-co-tep-nay");
        var notFound = Json(h.Connector.CardsIn(Hung.Conversation).Last());
        Assert.Contains("Không có tệp nào khớp", notFound);
        Assert.Contains("001_2bb57626d11c2963.txt", notFound);
    }

    [Fact]
    public async Task Map_sets_the_member_and_publish_posts_each_assignee_their_card()
    {
        var (h, preview) = await ImportedAsync();
        await using var _ = h;
        await h.InstallAsync(Cuc);

        var mapData = ActionData(preview, "map");
        mapData[CardVerbs.MapInputPrefix + Plan82 + "-a3"] = Cuc.Aad;
        var (_, mapped) = await h.InvokeAsync(Hung, "map", mapData);
        Assert.Equal("application/vnd.microsoft.card.adaptive", mapped["type"]!.GetValue<string>());
        Assert.Contains("3 nhiệm vụ · 3 đã xác định người · 0 chưa xác định", Json(mapped["value"]!));
        Assert.Equal(Cuc.Aad, (await h.Store.Assignments.GetAsync(Tenant, Plan82 + "-a3"))!.MemberAadObjectId);

        // Only principals publish.
        var (_, refused) = await h.InvokeAsync(Thanh, "publish", ActionData(preview, "publish"));
        Assert.Equal(400, refused["statusCode"]!.GetValue<int>());

        var (_, published) = await h.InvokeAsync(Hung, "publish", ActionData(preview, "publish"));
        Assert.Equal(200, published["statusCode"]!.GetValue<int>());
        Assert.Equal(PlanStatus.Published, (await h.Store.Plans.GetAsync(Tenant, Plan82))!.Status);
        Assert.Contains("3 thẻ nhiệm vụ đang được gửi", Json(published["value"]!));
        Assert.DoesNotContain("\"verb\":\"publish\"", Json(published["value"]!));

        foreach (var (u, duty) in new[] { (Hung, "xây dựng kế hoạch"), (Thanh, "triển khai đến toàn thể"), (Cuc, "báo cáo tình hình") })
        {
            var card = AssignmentCardOf(h, u);
            var json = Json(card);
            Assert.Contains(duty, json, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("\"userIds\":[\"" + u.TeamsId + "\"]", json);
            Assert.Contains("\"verb\":\"ack\"", json);
        }
        Assert.Contains("20/05/2023", Json(AssignmentCardOf(h, Cuc)));
        var thanhRecord = await h.Store.Assignments.GetAsync(Tenant, Plan82 + "-a2");
        Assert.NotNull(thanhRecord!.CardActivityId);
        Assert.Equal(Thanh.Conversation, thanhRecord.CardConversationId);

        // Publishing again sends nothing new.
        var before = h.Connector.Posts.Count;
        var (_, again) = await h.InvokeAsync(Hung, "publish", ActionData(preview, "publish"));
        Assert.Contains("3 thẻ đã gửi trước đó", Json(again["value"]!));
        Assert.Equal(before, h.Connector.Posts.Count);
    }

    [Fact]
    public async Task Ack_updates_the_card_is_idempotent_and_a_stale_card_gets_the_current_state()
    {
        await using var h = await PublishedAsync();
        var card = AssignmentCardOf(h, Thanh);
        var ack = ActionData(card, "ack");
        Assert.Equal(Tenant, ack["tenantId"]!.GetValue<string>());
        Assert.Equal(1, ack["version"]!.GetValue<int>());

        var (status, first) = await h.InvokeAsync(Thanh, "ack", ack);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(200, first["statusCode"]!.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.card.adaptive", first["type"]!.GetValue<string>());
        var updated = first["value"]!.AsObject();
        Assert.Contains("Đã xác nhận · 0%", Json(updated));
        Assert.DoesNotContain("\"verb\":\"ack\"", Json(updated));
        Assert.Equal(2, ActionData(updated, "done")["version"]!.GetValue<int>());
        var stored = await h.Store.Assignments.GetAsync(Tenant, Plan82 + "-a2");
        Assert.Equal(AssignmentStatus.Acknowledged, stored!.State.Status);
        Assert.Equal(2, stored.State.Version);
        Assert.Equal(h.Time.GetUtcNow(), stored.State.AcknowledgedAt);

        // The same click again (from the updated card): nothing changes, same card.
        var again = ActionData(updated, "done").DeepClone().AsObject();
        again["verb"] = "ack";
        var (_, second) = await h.InvokeAsync(Thanh, "ack", again);
        Assert.Equal(Json(updated), Json(second["value"]!));
        Assert.Equal(2, (await h.Store.Assignments.GetAsync(Tenant, Plan82 + "-a2"))!.State.Version);

        // The original card (version 1) clicked again: answered with the current state, nothing applied.
        var (_, stale) = await h.InvokeAsync(Thanh, "done", ActionData(card, "done"));
        Assert.Equal(200, stale["statusCode"]!.GetValue<int>());
        Assert.Contains("Đã xác nhận · 0%", Json(stale["value"]!));
        Assert.Equal(AssignmentStatus.Acknowledged, (await h.Store.Assignments.GetAsync(Tenant, Plan82 + "-a2"))!.State.Status);

        // Progress from the ShowCard inputs (merged into data), then done.
        var progress = ActionData(updated, "progress");
        progress["percent"] = "50";
        progress["comment"] = "Đã họp tổ chuyên môn";
        var (_, p50) = await h.InvokeAsync(Thanh, "progress", progress);
        Assert.Contains("Đang thực hiện · 50%", Json(p50["value"]!));
        Assert.Contains("Đã họp tổ chuyên môn", Json(p50["value"]!));
        var bad = ActionData(p50["value"]!.AsObject(), "progress");
        bad["percent"] = "30";
        var (_, badResponse) = await h.InvokeAsync(Thanh, "progress", bad);
        Assert.Equal(400, badResponse["statusCode"]!.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.error", badResponse["type"]!.GetValue<string>());
        var (_, done) = await h.InvokeAsync(Thanh, "done", ActionData(p50["value"]!.AsObject(), "done"));
        Assert.Contains("Đã hoàn thành · 100%", Json(done["value"]!));
        Assert.Equal(AssignmentStatus.Done, (await h.Store.Assignments.GetAsync(Tenant, Plan82 + "-a2"))!.State.Status);

        // Refresh (automatic, per viewer) answers with the viewer's own card.
        var (_, refreshed) = await h.InvokeAsync(Thanh, "refresh", ActionData(card, "ack"), trigger: "automatic");
        Assert.Contains("Đã hoàn thành · 100%", Json(refreshed["value"]!));
    }

    [Fact]
    public async Task Cross_tenant_and_non_assignee_actions_are_refused()
    {
        await using var h = await PublishedAsync();
        var ack = ActionData(AssignmentCardOf(h, Thanh), "ack");

        var (status, cross) = await h.InvokeAsync(Thanh, "ack", ack, tenant: "tenant-other");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(400, cross["statusCode"]!.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.error", cross["type"]!.GetValue<string>());
        Assert.Contains("đơn vị khác", cross["value"]!["message"]!.GetValue<string>());

        // Card data without tenant, activity from another tenant: the assignment does not exist there.
        var noTenant = ack.DeepClone().AsObject();
        noTenant.Remove("tenantId");
        var (_, missing) = await h.InvokeAsync(Thanh, "ack", noTenant, tenant: "tenant-other");
        Assert.Equal(400, missing["statusCode"]!.GetValue<int>());

        var (_, notMine) = await h.InvokeAsync(Lan, "ack", ack);
        Assert.Equal(400, notMine["statusCode"]!.GetValue<int>());
        Assert.Contains("không phải người được giao", notMine["value"]!["message"]!.GetValue<string>());
        Assert.Contains("not the assignee", notMine["value"]!["message"]!.GetValue<string>());

        Assert.Equal(AssignmentStatus.Assigned, (await h.Store.Assignments.GetAsync(Tenant, Plan82 + "-a2"))!.State.Status);
    }

    [Fact]
    public async Task Action_submit_fallback_applies_the_action_and_updates_the_card()
    {
        await using var h = await PublishedAsync();
        var card = AssignmentCardOf(h, Cuc);
        var fallback = Objects(card).First(o => o["type"]?.GetValue<string>() == "Action.Execute" && o["verb"]?.GetValue<string>() == "ack")["fallback"]!.AsObject();
        Assert.Equal("Action.Submit", fallback["type"]!.GetValue<string>());
        var activityId = (await h.Store.Assignments.GetAsync(Tenant, Plan82 + "-a3"))!.CardActivityId!;

        await h.SubmitAsync(Cuc, fallback["data"]!.DeepClone().AsObject(), replyToId: activityId);
        Assert.Equal(AssignmentStatus.Acknowledged, (await h.Store.Assignments.GetAsync(Tenant, Plan82 + "-a3"))!.State.Status);
        var put = h.Connector.Posts.Last(p => p.ConversationId == Cuc.Conversation);
        Assert.Equal("PUT", put.Method);
        Assert.Equal(activityId, put.ActivityId);
        Assert.Contains("Đã xác nhận", Json(put.Body));
    }

    [Fact]
    public async Task Status_commands_show_counts_to_principals_and_own_tasks_to_members()
    {
        await using var h = await PublishedAsync();
        await h.InvokeAsync(Thanh, "ack", ActionData(AssignmentCardOf(h, Thanh), "ack"));

        await h.SayAsync(Hung, "tình hình");
        var status = h.Connector.CardsIn(Hung.Conversation).Last();
        var facts = TeamsPlans.Bot.Tests.Cards.CardModelTests.Facts(status);
        Assert.Equal("3", facts["Tổng số nhiệm vụ"]);
        Assert.Equal("1", facts["Đã xác nhận"]);
        Assert.Equal("2", facts["Đã giao"]);
        Assert.Equal("0", facts["Quá hạn"]);
        Assert.Contains("Chưa xác nhận (2)", Json(status));
        Assert.Contains("Ngô Tấn Hưng, Hồ Thị Thu Cúc", Json(status));
        Assert.Contains("20/05/2023", Json(status));
        Assert.Contains("\"verb\":\"remind\"", Json(status));

        await h.SayAsync(Hung, "tinh hinh");
        Assert.Equal(Json(status), Json(h.Connector.CardsIn(Hung.Conversation).Last()));
        await h.SayAsync(Hung, "trạng thái kế hoạch 82/KH-THPT BK");
        Assert.Equal("1", TeamsPlans.Bot.Tests.Cards.CardModelTests.Facts(h.Connector.CardsIn(Hung.Conversation).Last())["Đã xác nhận"]);
        await h.SayAsync(Hung, "ai chưa xác nhận?");
        Assert.Contains("Chưa xác nhận (2)", Json(h.Connector.CardsIn(Hung.Conversation).Last()));
        await h.SayAsync(Hung, "trạng thái kế hoạch 99/KH-XYZ");
        Assert.Contains("Không tìm thấy kế hoạch", Json(h.Connector.CardsIn(Hung.Conversation).Last()));

        // English
        var hungEn = Hung with { Locale = "en-US" };
        await h.SayAsync(hungEn, "status");
        var en = h.Connector.CardsIn(Hung.Conversation).Last();
        Assert.Contains("Plan status", Json(en));
        Assert.Equal("1", TeamsPlans.Bot.Tests.Cards.CardModelTests.Facts(en)["Acknowledged"]);

        // A plain member sees only their own tasks.
        await h.SayAsync(Thanh, "tình hình");
        var mine = Json(h.Connector.CardsIn(Thanh.Conversation).Last());
        Assert.Contains("Việc của tôi", mine);
        Assert.Contains("triển khai đến toàn thể", mine);
        Assert.DoesNotContain("Hồ Thị Thu Cúc", mine);
        Assert.DoesNotContain("Tổng số nhiệm vụ", mine);
        await h.SayAsync(Lan, "việc của tôi");
        Assert.Contains("Bạn chưa có nhiệm vụ nào.", Json(h.Connector.CardsIn(Lan.Conversation).Last()));
        await h.SayAsync(Cuc with { Locale = "en-US" }, "my tasks");
        Assert.Contains("20/05/2023", Json(h.Connector.CardsIn(Cuc.Conversation).Last()));
    }

    [Fact]
    public async Task Remind_sends_the_card_again_to_those_who_have_not_acknowledged()
    {
        await using var h = await PublishedAsync();
        await h.InvokeAsync(Thanh, "ack", ActionData(AssignmentCardOf(h, Thanh), "ack"));
        await h.SayAsync(Hung, "tình hình");
        var remind = ActionData(h.Connector.CardsIn(Hung.Conversation).Last(), "remind");
        var cucBefore = h.Connector.CardsIn(Cuc.Conversation).Count;
        var thanhBefore = h.Connector.CardsIn(Thanh.Conversation).Count;

        var (_, refused) = await h.InvokeAsync(Lan, "remind", remind);
        Assert.Equal(400, refused["statusCode"]!.GetValue<int>());

        var (_, r) = await h.InvokeAsync(Hung, "remind", remind);
        Assert.Equal(200, r["statusCode"]!.GetValue<int>());
        Assert.Equal(cucBefore + 1, h.Connector.CardsIn(Cuc.Conversation).Count);
        Assert.Equal(thanhBefore, h.Connector.CardsIn(Thanh.Conversation).Count);
        Assert.Contains("Nhắc việc: bạn chưa xác nhận nhiệm vụ này", Json(h.Connector.CardsIn(Cuc.Conversation).Last()));
        Assert.Contains(h.Connector.TextsIn(Hung.Conversation), t => t.Contains("Đã nhắc 2 người chưa xác nhận", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Unknown_text_and_help_get_the_help_card()
    {
        await using var h = await StartAsync();
        await h.InstallAsync(Lan);
        await h.SayAsync(Lan, "xin chào bot");
        var help = Json(h.Connector.CardsIn(Lan.Conversation).Last());
        Assert.Contains("Trợ giúp", help);
        Assert.Contains("Tôi chưa hiểu \\\"xin chào bot\\\"", help);
        await h.SayAsync(Lan with { Locale = "en-US" }, "help");
        Assert.Contains("\"text\":\"Help\"", Json(h.Connector.CardsIn(Lan.Conversation).Last()));
        await h.SayAsync(Lan, "trợ giúp");
        Assert.DoesNotContain("chưa hiểu", Json(h.Connector.CardsIn(Lan.Conversation).Last()));
    }
}
