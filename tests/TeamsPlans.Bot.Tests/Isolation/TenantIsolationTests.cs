using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using TeamsPlans.Bot.Cards;
using TeamsPlans.Bot.Tests.Conversation;
using TeamsPlans.Plans.Model;
using TeamsPlans.Storage;
using static TeamsPlans.Bot.Tests.Conversation.BotHarness;
using static TeamsPlans.Bot.Tests.Conversation.Scenario;

namespace TeamsPlans.Bot.Tests.Isolation;

/// <summary>
/// Tenant isolation through POST /api/messages: activities of tenant A (tenant-bk) that name tenant B's plan and assignment
/// ids — every card verb (invoke and Action.Submit fallback), every chat command, a file hand-in, conversationUpdate — are
/// refused or answer with A's data only, and B's rows in the store are unchanged. Tenants outside Tenants:Allowed are
/// refused at the endpoint.
/// </summary>
public sealed class TenantIsolationTests
{
    private const string A = Tenant;          // "tenant-bk"
    private const string B = "tenant-b";
    private const string Evil = "tenant-evil"; // not allowed

    private static readonly Dictionary<string, string> Settings = new()
    {
        ["Tenants:Allowed:0"] = A,
        ["Tenants:Allowed:1"] = B,
        ["Rollup:Units:" + A + ":0"] = "tenant-unit-a",
        ["Rollup:Units:" + B + ":0"] = "tenant-unit-b",
    };

    /// <summary>Everything the store holds for a tenant, serialized (plans, assignments, reports, members, conversations, pending report state).</summary>
    private static async Task<string> SnapshotAsync(IStateStore s, string tenant)
    {
        var sb = new StringBuilder();
        foreach (var p in (await s.Plans.ListAsync(tenant)).OrderBy(p => p.PlanId, StringComparer.Ordinal))
        {
            sb.AppendLine(JsonSerializer.Serialize(p));
            foreach (var a in (await s.Assignments.ListByPlanAsync(tenant, p.PlanId)).OrderBy(a => a.AssignmentId, StringComparer.Ordinal))
            {
                sb.AppendLine(JsonSerializer.Serialize(a));
                foreach (var r in await s.Reports.ListByAssignmentAsync(tenant, a.AssignmentId)) sb.AppendLine(JsonSerializer.Serialize(r));
            }
        }
        foreach (var m in (await s.Members.ListAsync(tenant)).OrderBy(m => m.AadObjectId, StringComparer.Ordinal)) sb.AppendLine(JsonSerializer.Serialize(m));
        foreach (var c in (await s.Conversations.ListAsync(tenant)).OrderBy(c => c.AadObjectId, StringComparer.Ordinal)) sb.AppendLine(JsonSerializer.Serialize(c));
        foreach (var scope in new[] { "report-target", "report-file" })
            foreach (var e in await s.Sync.ListAsync(tenant, scope)) sb.AppendLine(JsonSerializer.Serialize(e));
        return sb.ToString();
    }

    /// <summary>B: plan 001 published, Thành acknowledged, Cúc handed a report in (so B has a pending-file target too). A: the same people installed, no plan.</summary>
    private static async Task<(BotHarness H, JsonObject CucCardB, JsonObject ThanhCardB, JsonObject StatusB, JsonObject PreviewB)> SetupAsync()
    {
        var h = await StartAsync(Settings);
        await PublishAsync(h, B);
        var preview = h.Connector.CardsIn(Hung.Conversation).Last(c => Json(c).Contains("Xem trước kế hoạch nhập"));
        var thanh = AssignmentCardOf(h, Thanh);
        Assert.Equal(200, (await h.InvokeAsync(Thanh, "ack", ActionData(thanh, "ack"), B)).Body["statusCode"]!.GetValue<int>());
        var cuc = AssignmentCardOf(h, Cuc);
        var report = ActionData(cuc, "report");
        report[CardVerbs.ReportSummaryInput] = "Báo cáo của B";
        report[CardVerbs.ReportPeriodInput] ??= Objects(cuc).First(o => o["id"]?.GetValue<string>() == CardVerbs.ReportPeriodInput)["value"]!.GetValue<string>();
        Assert.Equal(200, (await h.InvokeAsync(Cuc, "report", report, B)).Body["statusCode"]!.GetValue<int>());
        await h.SayAsync(Hung, "tình hình", B);
        var status = h.Connector.CardsIn(Hung.Conversation).Last();
        foreach (var u in new[] { Hung, Thanh, Lan, Cuc }) await h.InstallAsync(u, A);
        return (h, cuc, thanh, status, preview);
    }

    /// <summary>Card data of B's cards as an attacker in A would send them: as issued (tenantId B), without tenantId, and with tenantId forged to A.</summary>
    private static IEnumerable<(string Variant, JsonObject Data)> Variants(JsonObject data)
    {
        yield return ("as issued", data.DeepClone().AsObject());
        var none = data.DeepClone().AsObject();
        none.Remove("tenantId");
        yield return ("no tenant", none);
        var forged = data.DeepClone().AsObject();
        forged["tenantId"] = A;
        yield return ("forged", forged);
    }

    private static void AssertRefused(JsonObject body, string what)
    {
        // Universal Actions answer a refusal with the documented 400 error; its code says which refusal it is.
        var code = body["statusCode"]!.GetValue<int>();
        var reason = body["value"]?["code"]?.GetValue<string>();
        Assert.True(code == 400 && reason is "CrossTenant" or "NotFound" or "NotAssignee" or "NotPrincipal" or "NotReviewer",
            $"{what}: expected a refusal, got {code}: {body.ToJsonString()}");
        Assert.Equal("application/vnd.microsoft.error", body["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Every_card_verb_from_tenant_A_naming_B_ids_is_refused_and_B_is_unchanged()
    {
        var (h, cucCard, thanhCard, statusB, previewB) = await SetupAsync();
        await using var _ = h;
        var before = await SnapshotAsync(h.Store, B);
        var postsBefore = h.Connector.Posts.Count;

        var progress = ActionData(cucCard, "progress");
        progress[CardVerbs.PercentInput] = "100";
        var report = ActionData(cucCard, "report");
        report[CardVerbs.ReportSummaryInput] = "giả mạo";
        report[CardVerbs.ReportPeriodInput] ??= "2023-05-20";
        var map = ActionData(previewB, "publish");
        map[CardVerbs.MapInputPrefix + Plan82 + "-a3"] = Lan.Aad;
        var pending = new JsonObject { ["pendingFile"] = true, ["tenantId"] = B, [CardVerbs.ReportTargetInput] = Plan82 + "-a3|2023-05-20" };
        var rollup = new JsonObject { ["planId"] = Plan82, ["tenantId"] = B, ["year"] = 2023 };
        var cases = new (string Verb, TestUser Who, JsonObject Data)[]
        {
            ("ack", Cuc, ActionData(cucCard, "ack")),
            ("progress", Cuc, progress),
            ("done", Cuc, ActionData(cucCard, "done")),
            ("refresh", Cuc, ActionData(cucCard, "refresh")),
            ("refresh", Hung, ActionData(thanhCard, "refresh")), // a principal of A looking at B's card
            ("openPlan", Cuc, ActionData(cucCard, "openPlan")),
            ("map", Hung, map),
            ("publish", Hung, map),
            ("remind", Hung, ActionData(statusB, "remind")),
            ("report", Cuc, report),
            ("report", Cuc, pending),
            ("rollup", Hung, rollup),
        };
        foreach (var (verb, who, data) in cases)
            foreach (var (variant, d) in Variants(data))
            {
                var (status, body) = await h.InvokeAsync(who, verb, d, A);
                Assert.Equal(HttpStatusCode.OK, status);
                AssertRefused(body, $"{verb} ({variant}) by {who.Name}");
                if (variant == "as issued") Assert.Contains("đơn vị khác", body["value"]!["message"]!.GetValue<string>());

                // The Action.Submit fallback of the same action.
                var submit = d.DeepClone().AsObject();
                submit["verb"] = verb;
                await h.SubmitAsync(who, submit, tenant: A);
                var reply = h.Connector.TextsIn(who.Conversation).Last();
                Assert.StartsWith("⚠", reply);
            }

        Assert.Equal(before, await SnapshotAsync(h.Store, B));
        // Nothing was sent to anyone but the people who acted (no reminder, no assignment card, no plan summary).
        var newPosts = h.Connector.Posts.Skip(postsBefore).ToList();
        Assert.All(newPosts, p => Assert.True((p.Body["attachments"]?.AsArray().Count ?? 0) == 0 && p.Method == "POST",
            $"unexpected card or update to {p.ConversationId}: {p.Body.ToJsonString()}"));
        Assert.Equal(cases.Length * 3, newPosts.Count); // one refusal text per Action.Submit, nothing else
        Assert.Empty(await h.Store.Plans.ListAsync(A));
        Assert.Empty(await h.Store.Assignments.ListByMemberAsync(A, Cuc.Aad));
    }

    [Fact]
    public async Task Chat_commands_file_hand_in_and_installs_in_A_answer_with_A_data_only()
    {
        var (h, _, _, _, _) = await SetupAsync();
        await using var __ = h;
        var before = await SnapshotAsync(h.Store, B);

        await h.SayAsync(Hung, "tình hình", A);
        Assert.Contains("Chưa có kế hoạch nào được nhập.", Json(h.Connector.CardsIn(Hung.Conversation).Last()));
        await h.SayAsync(Hung, "trạng thái kế hoạch 82/KH-THPT BK", A);
        Assert.Contains("Không tìm thấy kế hoạch", Json(h.Connector.CardsIn(Hung.Conversation).Last()));
        await h.SayAsync(Hung, "status " + Plan82, A);
        Assert.Contains("Không tìm thấy kế hoạch", Json(h.Connector.CardsIn(Hung.Conversation).Last()));
        await h.SayAsync(Hung, "ai chưa xác nhận?", A);
        Assert.DoesNotContain("Hồ Thị Thu Cúc", Json(h.Connector.CardsIn(Hung.Conversation).Last()));
        await h.SayAsync(Cuc, "việc của tôi", A);
        Assert.Contains("Bạn chưa có nhiệm vụ nào.", Json(h.Connector.CardsIn(Cuc.Conversation).Last()));
        await h.SayAsync(Cuc with { Locale = "en-US" }, "my tasks", A);
        Assert.Contains("You have no assignments yet.", Json(h.Connector.CardsIn(Cuc.Conversation).Last()));
        await h.SayAsync(Hung, "tổng hợp đơn vị " + "82/KH-THPT BK", A);
        Assert.Contains("Không tìm thấy kế hoạch", Json(h.Connector.CardsIn(Hung.Conversation).Last()));

        // Cúc has a pending report target in B; a file she sends in A is not filed into B.
        h.Connector.Files["f.pdf"] = Encoding.UTF8.GetBytes("tệp của A");
        await h.SendFileAsync(Cuc, "f.pdf", h.Connector.ServiceUrl + "files/f.pdf", tenant: A);
        Assert.Contains("Bạn chưa có nhiệm vụ nào để nộp báo cáo", h.Connector.TextsIn(Cuc.Conversation).Last());
        Assert.Equal(0, h.Connector.FileDownloads);

        // conversationUpdate in A naming B's people: stored in A only.
        var update = h.Base(Hung, "conversationUpdate", A);
        update["membersAdded"] = new JsonArray(new JsonObject { ["id"] = Lan.TeamsId, ["name"] = "Tên đổi bởi A", ["aadObjectId"] = Lan.Aad });
        Assert.Equal(HttpStatusCode.OK, (await h.PostAsync(update)).StatusCode);
        Assert.Equal("Tên đổi bởi A", (await h.Store.Members.GetAsync(A, Lan.Aad))!.DisplayName);

        // B's own library folder (<root>/tenant-b/Kế hoạch) is not offered to A; B's reports are offered to nobody.
        var bFolder = Directory.CreateDirectory(Path.Combine(h.LibraryDir, B, "Kế hoạch")).FullName;
        File.Copy(SeedPath("000"), Path.Combine(bFolder, "b-rieng.txt"));
        await h.SayAsync(Hung, "nhập kế hoạch", A);
        var listA = Json(h.Connector.CardsIn(Hung.Conversation).Last());
        Assert.Contains("001_2bb57626d11c2963.txt", listA);
        Assert.DoesNotContain("b-rieng", listA);
        Assert.DoesNotContain("Báo cáo", listA);
        await h.SayAsync(Hung, "nhập kế hoạch b-rieng", A);
        Assert.Contains("Không có tệp nào khớp", Json(h.Connector.CardsIn(Hung.Conversation).Last()));
        Assert.Empty(await h.Store.Plans.ListAsync(A));
        await h.SayAsync(Hung, "nhập kế hoạch", B);
        var listB = Json(h.Connector.CardsIn(Hung.Conversation).Last());
        Assert.Contains("b-rieng.txt", listB);
        Assert.DoesNotContain("Báo cáo", listB);

        // Import in A stores A's own draft; B's published plan is untouched.
        await h.SayAsync(Hung, "nhập kế hoạch 001", A);
        Assert.Equal(PlanStatus.Draft, (await h.Store.Plans.GetAsync(A, Plan82))!.Status);
        Assert.Equal(before, await SnapshotAsync(h.Store, B));

        // Now both tenants hold the same ids: A's actions change A's rows only, and A's status counts A only.
        var preview = h.Connector.CardsIn(Hung.Conversation).Last();
        var publish = ActionData(preview, "publish");
        publish[CardVerbs.MapInputPrefix + Plan82 + "-a3"] = Cuc.Aad;
        Assert.Equal(200, (await h.InvokeAsync(Hung, "publish", publish, A)).Body["statusCode"]!.GetValue<int>());
        var cucA = AssignmentCardOf(h, Cuc);
        Assert.Equal(A, ActionData(cucA, "done")["tenantId"]!.GetValue<string>());
        Assert.Equal(200, (await h.InvokeAsync(Cuc, "done", ActionData(cucA, "done"), A)).Body["statusCode"]!.GetValue<int>());
        Assert.Equal(AssignmentStatus.Done, (await h.Store.Assignments.GetAsync(A, Plan82 + "-a3"))!.State.Status);
        await h.SayAsync(Hung, "tình hình", A);
        var facts = TeamsPlans.Bot.Tests.Cards.CardModelTests.Facts(h.Connector.CardsIn(Hung.Conversation).Last());
        Assert.Equal("0", facts["Đã xác nhận"]);   // Thành acknowledged in B, not in A
        Assert.Equal("1", facts["Đã hoàn thành"]);
        Assert.Equal("0", facts["Báo cáo đã nộp"]); // Cúc's report is B's
        Assert.Equal(before, await SnapshotAsync(h.Store, B));
    }

    [Fact]
    public async Task Tenants_outside_the_allow_list_are_refused_at_the_endpoint()
    {
        var (h, cucCard, _, _, _) = await SetupAsync();
        await using var _ = h;
        var before = await SnapshotAsync(h.Store, B);
        var postsBefore = h.Connector.Posts.Count;

        var install = h.Base(Hung, "conversationUpdate", Evil);
        install["membersAdded"] = new JsonArray(new JsonObject { ["id"] = "28:bot-id" });
        var message = h.Base(Hung, "message", Evil);
        message["text"] = "tình hình";
        var invoke = h.Base(Cuc, "invoke", Evil);
        invoke["name"] = "adaptiveCard/action";
        invoke["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = "ack", ["data"] = ActionData(cucCard, "ack") } };
        foreach (var activity in new[] { install, message, invoke })
        {
            var r = await h.PostAsync(activity);
            Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode);
            Assert.Contains("not served", await r.Content.ReadAsStringAsync());
        }
        // Also when the tenant only appears in channelData.
        var channelOnly = h.Base(Hung, "message", Evil);
        channelOnly["conversation"]!.AsObject().Remove("tenantId");
        channelOnly["text"] = "status";
        Assert.Equal(HttpStatusCode.Forbidden, (await h.PostAsync(channelOnly)).StatusCode);

        Assert.Empty(await h.Store.Members.ListAsync(Evil));
        Assert.Empty(await h.Store.Conversations.ListAsync(Evil));
        Assert.Equal(postsBefore, h.Connector.Posts.Count);
        Assert.Equal(before, await SnapshotAsync(h.Store, B));
        // An activity without tenant falls back to Conversation:DefaultTenantId, which must be allowed too (see below).
        // Allowed tenants still work.
        await h.SayAsync(Hung, "tình hình", B);
        Assert.Equal(postsBefore + 1, h.Connector.Posts.Count);
    }

    [Fact]
    public async Task A_default_tenant_outside_the_allow_list_is_refused_too()
    {
        await using var h = await StartAsync(new Dictionary<string, string>(Settings) { ["Conversation:DefaultTenantId"] = Evil });
        var message = h.Base(Hung, "message");
        message["conversation"]!.AsObject().Remove("tenantId");
        message.Remove("channelData");
        message["text"] = "tình hình";
        Assert.Equal(HttpStatusCode.OK, (await h.PostAsync(message)).StatusCode);
        var invoke = h.Base(Hung, "invoke");
        invoke["conversation"]!.AsObject().Remove("tenantId");
        invoke.Remove("channelData");
        invoke["name"] = "adaptiveCard/action";
        invoke["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = "refresh", ["data"] = new JsonObject { ["assignmentId"] = "x" } } };
        var (r, body) = (await h.PostAsync(invoke), (JsonObject?)null);
        body = JsonNode.Parse(await r.Content.ReadAsStringAsync())!.AsObject();
        Assert.Equal(400, body["statusCode"]!.GetValue<int>());
        Assert.Empty(h.Connector.Posts);
        Assert.Empty(await h.Store.Members.ListAsync(Evil));
    }
}
