using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using TeamsPlans.Bot.Cards;
using TeamsPlans.Bot.Protocol;
using TeamsPlans.Plans.Model;
using TeamsPlans.Plans.Scheduling;
using TeamsPlans.Storage;
using TeamsPlans.Bot.Features.Assignments;
using TeamsPlans.Bot.Features.Help;
using TeamsPlans.Bot.Features.Reports;
using TeamsPlans.Bot.Features.Rollup;
using TeamsPlans.Bot.Features.Status;

namespace TeamsPlans.Bot.Conversation;

/// <summary>
/// The TeamsPlans conversation: installation (welcome, member + conversation reference), chat commands
/// (status, my tasks, deadlines, import, roll-up, resend, card language, help), report files sent in personal chat, and card actions — Universal Actions invokes ("adaptiveCard/action")
/// and their Action.Submit fallback (a message whose value carries "verb").
/// The tenant always comes from the activity; card data naming another tenant is refused.
/// </summary>
public sealed class TeamsPlansBot(
    IStateStore store, MemberDirectory directory, PlanImporter importer, IAssignmentPublisher publisher,
    IPlanReminderSender reminders, IEnumerable<IAssignmentChangeSink> sinks, ConversationOptions options,
    ReportHandIn reports, RollupService rollup, RollupOptions rollupOptions, TenantPolicy tenants,
    IEnumerable<IPlanDeliveries> deliveries, TimeProvider time, ILogger<TeamsPlansBot> logger) : IActivityHandler
{
    public const string AdaptiveCardAction = "adaptiveCard/action";
    public const string ErrorContentType = "application/vnd.microsoft.error";

    public async Task<InvokeResponse?> OnActivityAsync(Activity activity, ITurnContext turn, CancellationToken ct)
    {
        var tenantId = activity.TenantId ?? options.DefaultTenantId;
        // The endpoint refuses tenants outside Tenants:Allowed; this also covers Conversation:DefaultTenantId.
        if (tenants.Refuses(tenantId))
        {
            logger.LogWarning("Refused {ActivityType} for tenant {TenantId}: not in Tenants:Allowed", activity.Type, tenantId);
            if (activity.Type == ActivityTypes.Invoke) return Error(403, "TenantNotAllowed", "Bot không phục vụ đơn vị (tenant) này.", "This tenant is not served by this bot.");
            return null;
        }
        switch (activity.Type)
        {
            case ActivityTypes.Invoke:
                if (!string.Equals(activity.Name, AdaptiveCardAction, StringComparison.Ordinal)) return new InvokeResponse(501);
                if (tenantId is null) return Error(400, "MissingTenant", "Thiếu thông tin đơn vị (tenant).", "The activity has no tenant.");
                return await OnCardInvokeAsync(activity, turn, tenantId, ct).ConfigureAwait(false);
            case ActivityTypes.ConversationUpdate:
            case ActivityTypes.InstallationUpdate:
                if (tenantId is not null) await OnInstallOrMembersAsync(activity, turn, tenantId, ct).ConfigureAwait(false);
                return null;
            case ActivityTypes.Message:
                if (tenantId is null)
                {
                    await turn.SendTextAsync("Không xác định được đơn vị (tenant) của cuộc trò chuyện. / This conversation has no tenant.", ct).ConfigureAwait(false);
                    return null;
                }
                await OnMessageAsync(activity, turn, tenantId, ct).ConfigureAwait(false);
                return null;
            default:
                return null;
        }
    }

    // ------------------------------------------------------------------ installation

    private async Task OnInstallOrMembersAsync(Activity activity, ITurnContext turn, string tenantId, CancellationToken ct)
    {
        var botId = activity.Recipient?.Id;
        var botAdded = activity.Type == ActivityTypes.InstallationUpdate
            ? activity.Action is { } a && a.StartsWith("add", StringComparison.OrdinalIgnoreCase)
            : activity.MembersAdded?.Any(m => m.Id == botId) == true;

        if (!botAdded)
        {
            foreach (var m in activity.MembersAdded ?? [])
                if (m.Id != botId && MemberDirectory.UserKey(m) is not null)
                    await directory.UpsertMemberAsync(tenantId, m, null, ct).ConfigureAwait(false);
            return;
        }

        var key = MemberDirectory.UserKey(activity.From);
        var before = key is null ? null : await store.Conversations.GetAsync(tenantId, key, ct).ConfigureAwait(false);
        var member = await directory.RememberSenderAsync(activity, tenantId, ct).ConfigureAwait(false);
        await directory.ImportRosterAsync(turn, tenantId, ct).ConfigureAwait(false);
        if (key is not null) member = await store.Members.GetAsync(tenantId, key, ct).ConfigureAwait(false) ?? member;
        logger.LogInformation("Installed in {TenantId} conversation {ConversationId} by {AadObjectId}", tenantId, activity.Conversation?.Id, key);

        var personal = activity.Conversation?.ConversationType is null or "personal";
        // Teams sends both installationUpdate and conversationUpdate on install: greet once per personal chat.
        if (personal && before?.ConversationId != activity.Conversation?.Id)
        {
            var card = HelpCards.Welcome(member?.DisplayName ?? activity.From?.Name, member?.CanSeeOthers == true, View(activity, member));
            await turn.SendAsync(card.ToMessage(), ct).ConfigureAwait(false);
        }
    }

    // ------------------------------------------------------------------ messages

    private async Task OnMessageAsync(Activity activity, ITurnContext turn, string tenantId, CancellationToken ct)
    {
        var member = await directory.RememberSenderAsync(activity, tenantId, ct).ConfigureAwait(false);
        var view = View(activity, member);

        if (ReportHandIn.FileOf(activity) is { } file)
        {
            await OnReportFileAsync(activity, turn, tenantId, member, file, view, ct).ConfigureAwait(false);
            return;
        }

        if (activity.Value is JsonObject submit && submit["verb"] is JsonValue)
        {
            // Action.Submit fallback of an Action.Execute (clients without Universal Actions).
            var verb = Str(submit, "verb")!;
            var result = await HandleActionAsync(activity, turn, tenantId, verb, submit, ct).ConfigureAwait(false);
            if (result.Card is not null)
            {
                if (!string.IsNullOrEmpty(activity.ReplyToId))
                {
                    try { await turn.UpdateAsync(activity.ReplyToId, result.Card.ToMessage(), ct).ConfigureAwait(false); return; }
                    catch (ConnectorException e) { logger.LogWarning(e, "Card {ActivityId} could not be updated; sending a new one", activity.ReplyToId); }
                }
                await turn.SendAsync(result.Card.ToMessage(), ct).ConfigureAwait(false);
            }
            else await turn.SendTextAsync($"⚠ {result.Vi} / {result.En}", ct).ConfigureAwait(false);
            return;
        }

        var command = TextCommands.Parse(activity.Text);
        var canManage = member?.CanSeeOthers == true;
        logger.LogInformation("Command {Command} from {AadObjectId} in {TenantId}", command.Kind, member?.AadObjectId, tenantId);
        if (command.Kind == CommandKind.Language && member is not null)
        {
            await turn.SendAsync((await LanguageAsync(activity, member, command.Argument, ct).ConfigureAwait(false)).ToMessage(), ct).ConfigureAwait(false);
            return;
        }
        AdaptiveCard reply = command.Kind switch
        {
            CommandKind.Help => HelpCards.Help(null, canManage, view),
            CommandKind.Unknown => HelpCards.Help(command.Text, canManage, view),
            CommandKind.MyTasks => await MyTasksCardAsync(tenantId, member, view, ct).ConfigureAwait(false),
            CommandKind.Status or CommandKind.NotAcknowledged or CommandKind.Deadlines => canManage
                ? await StatusCardAsync(tenantId, command.Kind == CommandKind.Status ? command.Argument : null, view, ct).ConfigureAwait(false)
                : await MyTasksCardAsync(tenantId, member, view, ct).ConfigureAwait(false),
            CommandKind.Rollup => canManage
                ? await RollupCardAsync(tenantId, command.Argument, null, null, view, ct).ConfigureAwait(false)
                : PlanCards.Notice(view.S.Lang == "vi" ? "Chỉ lãnh đạo đơn vị (Ban giám hiệu, trưởng ban, quản trị) xem được tổng hợp đơn vị." : "Only principals, committee heads and admins can see the unit roll-up.", [], view, "attention"),
            CommandKind.Resend => canManage
                ? await ResendAsync(tenantId, command.Argument, view, ct).ConfigureAwait(false)
                : PlanCards.Notice(view.S.Lang == "vi" ? "Chỉ lãnh đạo đơn vị (Ban giám hiệu, trưởng ban, quản trị) được gửi lại thẻ." : "Only principals, committee heads and admins can resend cards.", [], view, "attention"),
            CommandKind.Import => canManage
                ? await ImportAsync(tenantId, member!, command.Argument, view, ct).ConfigureAwait(false)
                : PlanCards.Notice(view.S.Lang == "vi" ? "Chỉ Ban giám hiệu được nhập kế hoạch." : "Only principals can import plans.", [], view, "attention"),
            _ => HelpCards.Help(command.Text, canManage, view),
        };
        await turn.SendAsync(reply.ToMessage(), ct).ConfigureAwait(false);
    }

    /// <summary>
    /// "gửi lại [kế hoạch 82/KH-THPT BK]": puts the failed deliveries of the plan (of every published plan without a
    /// number) back in the delivery queue; members who blocked the bot are counted, not resent.
    /// </summary>
    private async Task<AdaptiveCard> ResendAsync(string tenantId, string? number, CardView view, CancellationToken ct)
    {
        var vi = view.S.Lang == "vi";
        if (deliveries.FirstOrDefault() is not { } resender)
            return PlanCards.Notice(vi ? "Bot này gửi thẻ trực tiếp, không có hàng đợi để gửi lại." : "This bot sends cards directly; there is no delivery queue to resend from.", [], view, "attention");
        IReadOnlyList<StoredPlan> plans;
        if (number is not null)
        {
            if (await FindPlanAsync(tenantId, number, ct).ConfigureAwait(false) is not { } plan) return PlanNotFound(number, view);
            plans = [plan];
        }
        else
        {
            plans = [.. (await store.Plans.ListAsync(tenantId, ct).ConfigureAwait(false)).Where(p => p.Status == PlanStatus.Published)];
        }
        if (plans.Count == 0)
            return PlanCards.Notice(vi ? "Chưa có kế hoạch nào đã gửi." : "No plan has been published yet.", [], view);
        var lines = new List<string>();
        var resent = 0;
        foreach (var plan in plans)
        {
            var r = await resender.ResendFailedDeliveriesAsync(tenantId, plan.PlanId, !vi, ct).ConfigureAwait(false);
            resent += r.Resent;
            var blocked = r.Blocked == 0 ? "" : vi ? $"; {r.Blocked} người đã chặn bot, không gửi lại" : $"; {r.Blocked} blocked the bot, not resent";
            lines.Add($"{PlanCards.PlanTitle(plan)}: {(vi ? $"gửi lại {r.Resent}" : $"resent {r.Resent}")}{blocked} ({r.Summary})");
        }
        logger.LogInformation("Resend of failed deliveries in {TenantId}: {Resent} queued again over {Plans} plans", tenantId, resent, plans.Count);
        var title = resent == 0
            ? (vi ? "Không có thẻ nào gửi lỗi." : "No failed card to resend.")
            : (vi ? $"Đã gửi lại {resent} thẻ gửi lỗi." : $"Resent {resent} failed cards.");
        return PlanCards.Notice(title, lines, view, resent == 0 ? null : "good");
    }

    /// <summary>"tiếng việt" / "english" / "ngôn ngữ tự động": stores the member's card language and answers in it.</summary>
    private async Task<AdaptiveCard> LanguageAsync(Activity activity, Member member, string? choice, CancellationToken ct)
    {
        if (choice is null)
        {
            var v = View(activity, member);
            return PlanCards.Notice(v.S.LanguageTitle, [v.S.LanguageCurrent(member.Language), .. v.S.LanguageOptions], v);
        }
        var updated = await directory.SetLanguageAsync(member, choice == "auto" ? null : choice, ct).ConfigureAwait(false);
        var view = View(activity, updated);
        return PlanCards.Notice(view.S.LanguageChanged, [view.S.LanguageCurrent(updated.Language), .. view.S.LanguageOptions], view, "good");
    }

    private async Task<AdaptiveCard> MyTasksCardAsync(string tenantId, Member? member, CardView view, CancellationToken ct)
    {
        if (member is null) return AssignmentCards.MyTasks([], view);
        var mine = await store.Assignments.ListByMemberAsync(tenantId, member.AadObjectId, ct).ConfigureAwait(false);
        var plans = new Dictionary<string, StoredPlan?>();
        var tasks = new List<(StoredPlan?, AssignmentRecord)>();
        foreach (var a in mine)
        {
            if (!plans.TryGetValue(a.PlanId, out var p)) plans[a.PlanId] = p = await store.Plans.GetAsync(tenantId, a.PlanId, ct).ConfigureAwait(false);
            // Drafts are not given out yet: members see published plans only.
            if (p is null || p.Status == PlanStatus.Published) tasks.Add((p, a));
        }
        var lastReports = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var (_, a) in tasks)
            if ((await store.Reports.ListByAssignmentAsync(tenantId, a.AssignmentId, ct).ConfigureAwait(false)).MaxBy(r => r.SubmittedAt) is { } last)
                lastReports[a.AssignmentId] = last.SubmittedAt;
        return AssignmentCards.MyTasks(tasks, view, lastReports);
    }

    /// <summary>A plan by its printed number ("82/KH-THPT BK") or its id, in the tenant.</summary>
    private async Task<StoredPlan?> FindPlanAsync(string tenantId, string number, CancellationToken ct) =>
        await store.Plans.FindByNumberAsync(tenantId, number, ct).ConfigureAwait(false)
        ?? await store.Plans.GetAsync(tenantId, number, ct).ConfigureAwait(false);

    private static AdaptiveCard PlanNotFound(string number, CardView view) =>
        PlanCards.Notice(view.S.Lang == "vi" ? $"Không tìm thấy kế hoạch \"{number}\"." : $"No plan \"{number}\" was found.", [], view, "attention");

    private async Task<AdaptiveCard> StatusCardAsync(string tenantId, string? number, CardView view, CancellationToken ct)
    {
        IReadOnlyList<StoredPlan> plans;
        if (number is not null)
        {
            if (await FindPlanAsync(tenantId, number, ct).ConfigureAwait(false) is not { } plan) return PlanNotFound(number, view);
            plans = [plan];
        }
        else
        {
            plans = (await store.Plans.ListAsync(tenantId, ct).ConfigureAwait(false))
                .Where(p => p.Status != PlanStatus.Archived)
                .OrderBy(p => p.Status == PlanStatus.Published ? 0 : 1).ThenByDescending(p => p.UpdatedAt).ToList();
        }
        var rows = new List<(StoredPlan, IReadOnlyList<AssignmentRecord>)>();
        foreach (var p in plans) rows.Add((p, await store.Assignments.ListByPlanAsync(tenantId, p.PlanId, ct).ConfigureAwait(false)));
        var members = (await store.Members.ListAsync(tenantId, ct).ConfigureAwait(false)).ToDictionary(m => m.AadObjectId);
        var handedIn = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (p, list) in rows)
        {
            var n = 0;
            foreach (var a in list)
                n += (await store.Reports.ListByAssignmentAsync(tenantId, a.AssignmentId, ct).ConfigureAwait(false)).Select(r => r.Period).Distinct(StringComparer.Ordinal).Count();
            handedIn[p.PlanId] = n;
        }
        var published = rows.Where(r => r.Item1.Status == PlanStatus.Published).Select(r => r.Item1.PlanId).ToList();
        var problems = deliveries.FirstOrDefault() is { } queue && published.Count > 0
            ? await queue.ProblemsAsync(tenantId, published, ct).ConfigureAwait(false)
            : null;
        return StatusCards.Status(rows, members, view, canRemind: true, handedIn, problems);
    }

    private async Task<AdaptiveCard> ImportAsync(string tenantId, Member member, string? query, CardView view, CancellationToken ct)
    {
        var vi = view.S.Lang == "vi";
        var files = importer.FindFiles(query, tenantId);
        string Rel(string f) => Path.GetRelativePath(importer.LibraryRoot, f);
        if (query is null || files.Count != 1)
        {
            var all = query is null ? files : importer.FindFiles(null, tenantId);
            var title = query is null
                ? (vi ? "Gõ \"nhập kế hoạch <tên tệp>\". Các tệp trong thư viện:" : "Type \"import <file name>\". Files in the library:")
                : files.Count == 0
                    ? (vi ? $"Không có tệp nào khớp \"{query}\" trong thư viện. Các tệp hiện có:" : $"No library file matches \"{query}\". Available files:")
                    : (vi ? $"Có {files.Count} tệp khớp \"{query}\", hãy gõ rõ hơn:" : $"{files.Count} files match \"{query}\"; be more specific:");
            var list = (files.Count > 1 ? files : all).Select(Rel).ToList();
            if (list.Count == 0) list.Add(vi ? $"(thư viện trống: {importer.LibraryRoot})" : $"(the library is empty: {importer.LibraryRoot})");
            return PlanCards.Notice(title, list, view, files.Count == 0 && query is not null ? "attention" : null);
        }
        try
        {
            var outcome = await importer.ImportAsync(tenantId, member.AadObjectId, files[0], ct).ConfigureAwait(false);
            var card = await importer.PreviewCardAsync(tenantId, outcome.Plan!.PlanId, view, ct).ConfigureAwait(false);
            if (outcome.AlreadyPublished)
                card!.Body.Insert(0, new TextBlock(vi ? "Kế hoạch này đã được gửi trước đó; không nhập lại." : "This plan was already published; it was not re-imported.") { Color = "warning", Weight = "bolder" });
            return card!;
        }
        catch (Exception e) when (e is Plans.Reading.PlanReadException or IOException or UnauthorizedAccessException or FormatException or InvalidDataException or NotSupportedException or InvalidOperationException or ArgumentException)
        {
            logger.LogWarning(e, "Import of {File} in {TenantId} failed", files[0], tenantId);
            return PlanCards.Notice(vi ? $"Không đọc được tệp \"{Rel(files[0])}\"." : $"Could not read \"{Rel(files[0])}\".", [e.Message], view, "attention");
        }
    }

    // ------------------------------------------------------------------ card actions

    private async Task<InvokeResponse> OnCardInvokeAsync(Activity activity, ITurnContext turn, string tenantId, CancellationToken ct)
    {
        await directory.RememberSenderAsync(activity, tenantId, ct).ConfigureAwait(false);
        var action = (activity.Value as JsonObject)?["action"] as JsonObject;
        var verb = action is null ? null : Str(action, "verb");
        if (verb is null) return Error(400, "BadRequest", "Yêu cầu không hợp lệ: thiếu verb.", "Bad request: the action has no verb.");
        var data = action!["data"] as JsonObject ?? [];
        var result = await HandleActionAsync(activity, turn, tenantId, verb, data, ct).ConfigureAwait(false);
        return result.Card is not null
            ? new InvokeResponse(200, new JsonObject
            {
                ["statusCode"] = 200,
                ["type"] = AdaptiveCard.ContentType,
                ["value"] = result.Card.ToJsonObject(),
            })
            : Error(result.Status, result.Code, result.Vi, result.En);
    }

    private sealed record ActionResult(int Status, AdaptiveCard? Card, string Code = "", string Vi = "", string En = "")
    {
        public static ActionResult Ok(AdaptiveCard card) => new(200, card);
        public static ActionResult Fail(int status, string code, string vi, string en) => new(status, null, code, vi, en);
    }

    private async Task<ActionResult> HandleActionAsync(Activity activity, ITurnContext turn, string tenantId, string verb, JsonObject data, CancellationToken ct)
    {
        var cardTenant = Str(data, "tenantId");
        if (cardTenant is not null && !string.Equals(cardTenant, tenantId, StringComparison.OrdinalIgnoreCase))
        {
            logger.LogWarning("Refused {Verb}: card of tenant {CardTenant} used in {TenantId} by {UserId}", verb, cardTenant, tenantId, activity.From?.Id);
            return ActionResult.Fail(403, "CrossTenant", "Thẻ này thuộc đơn vị khác.", "This card belongs to another tenant.");
        }
        var userKey = MemberDirectory.UserKey(activity.From);
        if (userKey is null) return ActionResult.Fail(400, "NoUser", "Không xác định được người dùng.", "The sender is unknown.");
        var member = await store.Members.GetAsync(tenantId, userKey, ct).ConfigureAwait(false);
        var view = View(activity, member);

        switch (verb)
        {
            case CardVerbs.Ack:
            case CardVerbs.Progress:
            case CardVerbs.Done:
            case CardVerbs.Refresh:
            case CardVerbs.OpenPlan:
                return await AssignmentActionAsync(activity, turn, tenantId, userKey, member, verb, data, view, ct).ConfigureAwait(false);
            case CardVerbs.Report:
                return await ReportActionAsync(activity, tenantId, userKey, member, data, view, ct).ConfigureAwait(false);
            case CardVerbs.Rollup:
                if (member?.CanSeeOthers != true)
                    return ActionResult.Fail(403, "NotPrincipal", "Chỉ lãnh đạo đơn vị xem được tổng hợp đơn vị.", "Only principals, committee heads and admins can see the unit roll-up.");
                var planId = Str(data, "planId");
                if (planId is null) return ActionResult.Fail(400, "BadRequest", "Thiếu mã kế hoạch.", "The card has no plan id.");
                if (await store.Plans.GetAsync(tenantId, planId, ct).ConfigureAwait(false) is null)
                    return ActionResult.Fail(404, "NotFound", "Không tìm thấy kế hoạch.", "The plan was not found.");
                return ActionResult.Ok(await RollupCardAsync(tenantId, null, planId, Int(data, "year"), view, ct).ConfigureAwait(false));
            case CardVerbs.Map:
            case CardVerbs.Publish:
            case CardVerbs.Remind:
            case CardVerbs.Resend:
                return await PlanActionAsync(turn, tenantId, member, verb, data, view, ct).ConfigureAwait(false);
            default:
                return ActionResult.Fail(400, "UnknownVerb", $"Thao tác không được hỗ trợ: {verb}.", $"Unsupported action: {verb}.");
        }
    }

    private async Task<ActionResult> AssignmentActionAsync(Activity activity, ITurnContext turn, string tenantId, string userKey, Member? member,
        string verb, JsonObject data, CardView view, CancellationToken ct)
    {
        var id = Str(data, "assignmentId");
        if (id is null) return ActionResult.Fail(400, "BadRequest", "Thiếu mã nhiệm vụ.", "The card has no assignment id.");
        var record = await store.Assignments.GetAsync(tenantId, id, ct).ConfigureAwait(false);
        if (record is null) return ActionResult.Fail(404, "NotFound", "Không tìm thấy nhiệm vụ.", "The assignment was not found.");
        var plan = await store.Plans.GetAsync(tenantId, record.PlanId, ct).ConfigureAwait(false);
        if (plan is null) return ActionResult.Fail(404, "NotFound", "Không tìm thấy kế hoạch.", "The plan was not found.");

        var isAssignee = record.MemberAadObjectId is not null && string.Equals(record.MemberAadObjectId, userKey, StringComparison.OrdinalIgnoreCase);
        var canView = isAssignee || member?.CanSeeOthers == true;
        if (!canView || (!isAssignee && verb is CardVerbs.Ack or CardVerbs.Progress or CardVerbs.Done))
        {
            logger.LogWarning("Refused {Verb} on {AssignmentId} in {TenantId}: {UserId} is not the assignee", verb, id, tenantId, userKey);
            return ActionResult.Fail(403, "NotAssignee", "Bạn không phải người được giao nhiệm vụ này.", "You are not the assignee of this assignment.");
        }

        if (verb == CardVerbs.OpenPlan)
        {
            var all = await store.Assignments.ListByPlanAsync(tenantId, plan.PlanId, ct).ConfigureAwait(false);
            await turn.SendAsync(AssignmentCards.PlanSummary(plan, all.OrderBy(a => a.Ordinal).ToList(), view).ToMessage(), ct).ConfigureAwait(false);
        }
        if (verb is CardVerbs.Refresh or CardVerbs.OpenPlan)
            return ActionResult.Ok(await AssignmentCardAsync(plan, record, view, isAssignee, ct).ConfigureAwait(false));

        // A card older than the stored state shows stale buttons: answer with the current state, change nothing.
        var cardVersion = Int(data, "version");
        if (cardVersion is not null && cardVersion < record.State.Version)
        {
            logger.LogInformation("Stale card for {AssignmentId} in {TenantId}: version {CardVersion} < {Version}", id, tenantId, cardVersion, record.State.Version);
            return ActionResult.Ok(await AssignmentCardAsync(plan, record, view, true, ct).ConfigureAwait(false));
        }

        AssignmentAction act;
        int? percent = null;
        var comment = Str(data, CardVerbs.CommentInput);
        if (comment is { Length: > 500 }) comment = comment[..500];
        switch (verb)
        {
            case CardVerbs.Ack: act = AssignmentAction.Acknowledge; break;
            case CardVerbs.Done: act = AssignmentAction.Done; break;
            default:
                act = AssignmentAction.Progress;
                percent = Int(data, CardVerbs.PercentInput);
                if (percent is not (0 or 50 or 100))
                    return ActionResult.Fail(400, "BadPercent", "Tiến độ phải là 0%, 50% hoặc 100%.", "Progress must be 0%, 50% or 100%.");
                break;
        }

        var current = record;
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var next = current.State.Apply(act, time.GetUtcNow(), percent, comment);
            if (next == current.State) break; // second click: nothing changes, same card
            var (updated, stored) = await store.Assignments.TryUpdateStateAsync(tenantId, id, current.State.Version, next, ct).ConfigureAwait(false);
            if (stored is null) return ActionResult.Fail(404, "NotFound", "Không tìm thấy nhiệm vụ.", "The assignment was not found.");
            if (updated)
            {
                logger.LogInformation("{Action} on {AssignmentId} of {PlanId} in {TenantId} by {AadObjectId}: version {Version}",
                    act, id, plan.PlanId, tenantId, userKey, stored.State.Version);
                await NotifyAsync(new AssignmentChange(tenantId, id, plan.PlanId, userKey, act, current.State, stored, time.GetUtcNow()), ct).ConfigureAwait(false);
                current = stored;
                break;
            }
            logger.LogInformation("Concurrent change of {AssignmentId} in {TenantId}; re-applying on version {Version}", id, tenantId, stored.State.Version);
            current = stored; // reload and re-apply once
        }
        return ActionResult.Ok(await AssignmentCardAsync(plan, current, view, true, ct).ConfigureAwait(false));
    }

    private async Task NotifyAsync(AssignmentChange change, CancellationToken ct)
    {
        foreach (var sink in sinks)
        {
            try { await sink.OnAssignmentChangedAsync(change, ct).ConfigureAwait(false); }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Change sink {Sink} failed for {AssignmentId} in {TenantId}", sink.GetType().Name, change.AssignmentId, change.TenantId);
            }
        }
    }

    private async Task<AdaptiveCard> AssignmentCardAsync(StoredPlan plan, AssignmentRecord a, CardView view, bool interactive, CancellationToken ct)
    {
        Member? assignee = null;
        var users = new List<string>();
        if (a.MemberAadObjectId is not null)
        {
            assignee = await store.Members.GetAsync(plan.TenantId, a.MemberAadObjectId, ct).ConfigureAwait(false);
            var reference = await store.Conversations.GetAsync(plan.TenantId, a.MemberAadObjectId, ct).ConfigureAwait(false);
            if (reference is not null) users.Add(reference.UserId);
        }
        if (users.Count > PlanCards.MaxRefreshUsers)
            logger.LogWarning("Refresh of {AssignmentId} limited to {Max} of {Count} users", a.AssignmentId, PlanCards.MaxRefreshUsers, users.Count);
        var handedIn = await store.Reports.ListByAssignmentAsync(plan.TenantId, a.AssignmentId, ct).ConfigureAwait(false);
        return AssignmentCards.Assignment(plan, a, assignee?.DisplayName, view, users, interactive, handedIn);
    }

    private async Task<ActionResult> PlanActionAsync(ITurnContext turn, string tenantId, Member? member, string verb, JsonObject data, CardView view, CancellationToken ct)
    {
        if (member?.CanSeeOthers != true)
            return ActionResult.Fail(403, "NotPrincipal", "Chỉ Ban giám hiệu/trưởng ban được thực hiện thao tác này.", "Only principals and committee heads can do this.");
        var planId = Str(data, "planId");
        if (planId is null) return ActionResult.Fail(400, "BadRequest", "Thiếu mã kế hoạch.", "The card has no plan id.");
        var plan = await store.Plans.GetAsync(tenantId, planId, ct).ConfigureAwait(false);
        if (plan is null) return ActionResult.Fail(404, "NotFound", "Không tìm thấy kế hoạch.", "The plan was not found.");
        var vi = view.S.Lang == "vi";

        if (verb == CardVerbs.Remind)
        {
            var r = await reminders.RemindAsync(tenantId, planId, ct).ConfigureAwait(false);
            var reached = r.Sent + r.Queued;
            await turn.SendTextAsync(vi ? $"Đã nhắc {reached} người chưa xác nhận" + (r.Failed > 0 ? $"; {r.Failed} lỗi: {string.Join("; ", r.Errors.Take(5))}" : ".")
                : $"Reminded {reached} people who have not acknowledged" + (r.Failed > 0 ? $"; {r.Failed} failed: {string.Join("; ", r.Errors.Take(5))}" : "."), ct).ConfigureAwait(false);
            return ActionResult.Ok(await StatusCardAsync(tenantId, plan.Number ?? plan.PlanId, view, ct).ConfigureAwait(false));
        }
        if (verb == CardVerbs.Resend)
        {
            if (deliveries.FirstOrDefault() is not { } queue)
                return ActionResult.Fail(501, "NoQueue", "Bot này gửi thẻ trực tiếp, không có hàng đợi để gửi lại.", "This bot sends cards directly; there is no delivery queue.");
            var r = await queue.ResendFailedDeliveriesAsync(tenantId, planId, !vi, ct).ConfigureAwait(false);
            logger.LogInformation("Resend of {PlanId} in {TenantId} from the status card by {AadObjectId}: {Resent} queued again", planId, tenantId, member.AadObjectId, r.Resent);
            await turn.SendTextAsync(vi ? $"Đã gửi lại {r.Resent} thẻ gửi lỗi ({r.Summary})." : $"Resent {r.Resent} failed cards ({r.Summary}).", ct).ConfigureAwait(false);
            return ActionResult.Ok(await StatusCardAsync(tenantId, plan.Number ?? plan.PlanId, view, ct).ConfigureAwait(false));
        }

        // map and publish: apply the pickers ("map_{assignmentId}": member aadObjectId) first.
        var mapped = 0;
        foreach (var (key, value) in data)
        {
            if (!key.StartsWith(CardVerbs.MapInputPrefix, StringComparison.Ordinal) || value is not JsonValue v || !v.TryGetValue<string>(out var aad) || string.IsNullOrWhiteSpace(aad)) continue;
            var assignmentId = key[CardVerbs.MapInputPrefix.Length..];
            var a = await store.Assignments.GetAsync(tenantId, assignmentId, ct).ConfigureAwait(false);
            if (a is null || a.PlanId != planId) continue;
            if (await store.Members.GetAsync(tenantId, aad, ct).ConfigureAwait(false) is null)
                return ActionResult.Fail(400, "UnknownMember", "Thành viên được chọn không thuộc đơn vị.", "The chosen member is not in this tenant.");
            if (a.MemberAadObjectId == aad) continue;
            await store.Assignments.SetMemberAsync(tenantId, assignmentId, aad, ct).ConfigureAwait(false);
            mapped++;
        }
        if (mapped > 0) logger.LogInformation("Mapped {Count} assignees of {PlanId} in {TenantId}", mapped, planId, tenantId);

        if (verb == CardVerbs.Publish)
        {
            if (plan.Status == PlanStatus.Draft)
            {
                plan = plan with { Status = PlanStatus.Published, UpdatedAt = time.GetUtcNow() };
                await store.Plans.UpsertAsync(plan, ct).ConfigureAwait(false);
                logger.LogInformation("Published plan {PlanId} of {TenantId} by {AadObjectId}", planId, tenantId, member.AadObjectId);
            }
            var r = await publisher.PublishAsync(tenantId, planId, ct).ConfigureAwait(false);
            var card = (await importer.PreviewCardAsync(tenantId, planId, view, ct).ConfigureAwait(false))!;
            card.Body.Add(new TextBlock(PublishSummary(r, vi))
            { Id = "publishResult", Weight = "bolder", Color = r.Failed > 0 ? "attention" : "good", Separator = true });
            foreach (var e in r.Errors.Take(10)) card.Body.Add(new TextBlock("• " + e) { Color = "attention", Spacing = "none" });
            return ActionResult.Ok(card);
        }
        return ActionResult.Ok((await importer.PreviewCardAsync(tenantId, planId, view, ct).ConfigureAwait(false))!);
    }

    // ------------------------------------------------------------------ reports

    /// <summary>"Nộp báo cáo" from the card (summary/link), or the answer to "which assignment is this file for?".</summary>
    private async Task<ActionResult> ReportActionAsync(Activity activity, string tenantId, string userKey, Member? member, JsonObject data, CardView view, CancellationToken ct)
    {
        var id = Str(data, "assignmentId");
        var periodKey = Str(data, CardVerbs.ReportPeriodInput);
        if (Str(data, CardVerbs.ReportTargetInput) is { } target)
        {
            var bar = target.IndexOf('|', StringComparison.Ordinal);
            if (bar <= 0) return ActionResult.Fail(400, "BadRequest", "Lựa chọn không hợp lệ.", "Invalid choice.");
            (id, periodKey) = (target[..bar], target[(bar + 1)..]);
        }
        if (id is null) return ActionResult.Fail(400, "BadRequest", "Thiếu mã nhiệm vụ.", "The card has no assignment id.");
        var record = await store.Assignments.GetAsync(tenantId, id, ct).ConfigureAwait(false);
        if (record is null) return ActionResult.Fail(404, "NotFound", "Không tìm thấy nhiệm vụ.", "The assignment was not found.");
        var plan = await store.Plans.GetAsync(tenantId, record.PlanId, ct).ConfigureAwait(false);
        if (plan is null) return ActionResult.Fail(404, "NotFound", "Không tìm thấy kế hoạch.", "The plan was not found.");
        if (record.MemberAadObjectId is null || !string.Equals(record.MemberAadObjectId, userKey, StringComparison.OrdinalIgnoreCase))
        {
            logger.LogWarning("Refused report on {AssignmentId} in {TenantId}: {UserId} is not the assignee", id, tenantId, userKey);
            return ActionResult.Fail(403, "NotAssignee", "Bạn không phải người được giao nhiệm vụ này.", "You are not the assignee of this assignment.");
        }
        var periods = ReportPeriods.For(record, plan.Document.Year, view.Today);
        var period = periodKey is null ? (periods.Count == 1 ? periods[0] : null) : periods.FirstOrDefault(p => p.Key == periodKey);
        if (period is null)
            return ActionResult.Fail(400, "BadPeriod", "Hãy chọn kỳ hạn mà báo cáo này trả lời.", "Choose the deadline this report is for.");
        var submitter = member?.DisplayName ?? activity.From?.Name ?? userKey;
        try
        {
            if (data["pendingFile"] is JsonValue pf && pf.TryGetValue<bool>(out var isFile) && isFile)
            {
                var pending = await reports.PendingFileAsync(tenantId, userKey, ct).ConfigureAwait(false);
                if (pending is null)
                    return ActionResult.Fail(410, "FileGone", "Không còn tệp nào đang chờ nộp; hãy gửi lại tệp.", "No file is waiting to be handed in; please send the file again.");
                await reports.HandInFileAsync(plan, record, userKey, submitter, period, pending.Value.File, pending.Value.ActivityId, ct).ConfigureAwait(false);
                await reports.ClearPendingFileAsync(tenantId, userKey, ct).ConfigureAwait(false);
            }
            else
            {
                var summary = Str(data, CardVerbs.ReportSummaryInput);
                if (summary is { Length: > 2000 }) summary = summary[..2000];
                var link = Str(data, CardVerbs.ReportLinkInput);
                if (link is not null && !(Uri.TryCreate(link, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttps || u.Scheme == Uri.UriSchemeHttp)))
                    return ActionResult.Fail(400, "BadLink", "Liên kết không hợp lệ (cần bắt đầu bằng https://).", "The link is not valid (it must start with https://).");
                if (summary is null && link is null)
                    return ActionResult.Fail(400, "EmptyReport", "Hãy nhập tóm tắt hoặc liên kết, hoặc gửi tệp báo cáo cho bot trong trò chuyện riêng.",
                        "Enter a summary or a link, or send the report file to the bot in your personal chat.");
                await reports.HandInSummaryAsync(plan, record, userKey, submitter, period, summary, link, activity.Id, ct).ConfigureAwait(false);
                // A file sent next in the personal chat goes to the same assignment and period.
                await reports.SetTargetAsync(tenantId, userKey, record.AssignmentId, period.Key, ct).ConfigureAwait(false);
            }
        }
        catch (ReportHandInException e)
        {
            return ActionResult.Fail(e.Code == "tooBig" ? 413 : 502, e.Code, e.Vi, e.En);
        }
        return ActionResult.Ok(await AssignmentCardAsync(plan, record, view, true, ct).ConfigureAwait(false));
    }

    /// <summary>
    /// A file sent to the bot: stored as the report of the assignment the member last reported for from a card, or of
    /// their only assignment and deadline; otherwise the file is kept and the member picks the assignment and deadline.
    /// </summary>
    private async Task OnReportFileAsync(Activity activity, ITurnContext turn, string tenantId, Member? member, ReportFile file, CardView view, CancellationToken ct)
    {
        if (activity.Conversation?.ConversationType is not (null or "personal"))
        {
            await turn.SendTextAsync("Hãy gửi tệp báo cáo trong trò chuyện riêng với TeamsPlans. / Please send report files in your personal chat with TeamsPlans.", ct).ConfigureAwait(false);
            return;
        }
        if (member is null)
        {
            await turn.SendTextAsync("⚠ Không xác định được người gửi. / The sender is unknown.", ct).ConfigureAwait(false);
            return;
        }
        var candidates = new List<(StoredPlan Plan, AssignmentRecord Assignment)>();
        var plans = new Dictionary<string, StoredPlan?>(StringComparer.Ordinal);
        foreach (var a in await store.Assignments.ListByMemberAsync(tenantId, member.AadObjectId, ct).ConfigureAwait(false))
        {
            if (!plans.TryGetValue(a.PlanId, out var p)) plans[a.PlanId] = p = await store.Plans.GetAsync(tenantId, a.PlanId, ct).ConfigureAwait(false);
            if (p is { Status: PlanStatus.Published }) candidates.Add((p, a));
        }
        if (candidates.Count == 0)
        {
            await turn.SendTextAsync("⚠ Bạn chưa có nhiệm vụ nào để nộp báo cáo. / You have no assignment to hand a report in for.", ct).ConfigureAwait(false);
            return;
        }

        (StoredPlan Plan, AssignmentRecord Assignment, ReportPeriod Period)? chosen = null;
        if (await reports.GetTargetAsync(tenantId, member.AadObjectId, ct).ConfigureAwait(false) is { } t
            && candidates.FirstOrDefault(c => c.Assignment.AssignmentId == t.AssignmentId) is { Plan: not null } hit
            && ReportPeriods.For(hit.Assignment, hit.Plan.Document.Year, view.Today).FirstOrDefault(p => p.Key == t.Period) is { } tp)
            chosen = (hit.Plan, hit.Assignment, tp);
        var options = candidates
            .SelectMany(c => ReportPeriods.For(c.Assignment, c.Plan.Document.Year, view.Today).Select(p => (c.Plan, c.Assignment, Period: p)))
            .ToList();
        if (chosen is null && options.Count == 1) chosen = options[0];
        if (chosen is null)
        {
            await reports.SavePendingFileAsync(tenantId, member.AadObjectId, file, activity.Id, ct).ConfigureAwait(false);
            logger.LogInformation("Report file {FileName} from {AadObjectId} in {TenantId} waits for a choice among {Count} options", file.Name, member.AadObjectId, tenantId, options.Count);
            var ordered = options.OrderBy(o => o.Period.Due < view.Today ? 1 : 0).ThenBy(o => o.Period.Due).ThenBy(o => o.Assignment.Ordinal).ToList();
            await turn.SendAsync(ReportCards.ReportTarget(file.Name, ordered, view).ToMessage(), ct).ConfigureAwait(false);
            return;
        }

        var (plan, record, period) = chosen.Value;
        try
        {
            var report = await reports.HandInFileAsync(plan, record, member.AadObjectId, member.DisplayName, period, file, activity.Id, ct).ConfigureAwait(false);
            var card = await AssignmentCardAsync(plan, record, view, true, ct).ConfigureAwait(false);
            await turn.SendTextAsync($"✓ Đã nhận tệp \"{file.Name}\" — báo cáo kỳ hạn {DueFormat.Date(period.Due)}. / Received \"{file.Name}\" as the report for {DueFormat.Date(period.Due)}.", ct).ConfigureAwait(false);
            if (record.CardActivityId is { Length: > 0 } cardId && record.CardConversationId == turn.ConversationId)
            {
                try { await turn.UpdateAsync(cardId, card.ToMessage(), ct).ConfigureAwait(false); return; }
                catch (ConnectorException e) { logger.LogWarning(e, "Card {ActivityId} could not be updated after report {ReportId}", cardId, report.ReportId); }
            }
            await turn.SendAsync(card.ToMessage(), ct).ConfigureAwait(false);
        }
        catch (ReportHandInException e)
        {
            await turn.SendTextAsync($"⚠ {e.Vi} / {e.En}", ct).ConfigureAwait(false);
        }
    }

    // ------------------------------------------------------------------ roll-up

    /// <summary>The department roll-up card for a plan (by id, by the number typed, or the latest periodic plan) and year.</summary>
    private async Task<AdaptiveCard> RollupCardAsync(string tenantId, string? argument, string? planId, int? year, CardView view, CancellationToken ct)
    {
        var vi = view.S.Lang == "vi";
        var units = rollupOptions.UnitsOf(tenantId);
        if (units.Count == 0)
            return PlanCards.Notice(vi ? "Chưa cấu hình đơn vị trực thuộc cho đơn vị này." : "No subordinate unit is configured for this tenant.",
                [vi ? $"Quản trị viên: khai báo \"Rollup:Units:{tenantId}\" (danh sách mã tenant của các đơn vị)." : $"Admins: set \"Rollup:Units:{tenantId}\" (the units' tenant ids)."], view, "warning");
        var (number, typedYear) = ParseRollupArgument(argument);
        var y = year ?? typedYear ?? view.Today.Year;
        StoredPlan? plan;
        if (planId is not null) plan = await store.Plans.GetAsync(tenantId, planId, ct).ConfigureAwait(false);
        else if (number is not null) plan = await FindPlanAsync(tenantId, number, ct).ConfigureAwait(false);
        else
        {
            var all = (await store.Plans.ListAsync(tenantId, ct).ConfigureAwait(false)).Where(p => p.Status != PlanStatus.Archived).OrderByDescending(p => p.UpdatedAt).ToList();
            plan = all.FirstOrDefault(p => RollupService.Occurrences(p.Document, y).Count > 0) ?? all.FirstOrDefault();
        }
        if (plan is null)
            return PlanCards.Notice(number is null
                ? (vi ? "Chưa có kế hoạch nào của đơn vị để tổng hợp." : "There is no plan of this tenant to roll up.")
                : (vi ? $"Không tìm thấy kế hoạch \"{number}\"." : $"No plan \"{number}\" was found."), [], view, "attention");
        var r = await rollup.BuildAsync(tenantId, plan.PlanId, units, y, ct).ConfigureAwait(false);
        if (r is null) return PlanCards.Notice(vi ? "Không tìm thấy kế hoạch." : "The plan was not found.", [], view, "attention");
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var u in r.Units)
        {
            if (rollupOptions.UnitNames.TryGetValue(u.TenantId, out var n)) names[u.TenantId] = n;
            else if (u.ImplementingPlans.Count > 0 && (await store.Plans.GetAsync(u.TenantId, u.ImplementingPlans[0].PlanId, ct).ConfigureAwait(false))?.Document.Issuer is { Length: > 0 } issuer)
                names[u.TenantId] = issuer;
        }
        logger.LogInformation("Roll-up card of {PlanId} in {TenantId} for {Year}: {Units} units, {Overdue} overdue", plan.PlanId, tenantId, y, r.Units.Count, r.Units.Count(u => u.OverdueCount > 0));
        return RollupCards.Rollup(r, names, view);
    }

    /// <summary>"678/KH-SGDĐT 2024" → (number, year); words without a "/" are ignored ("đơn vị nào chưa nộp").</summary>
    internal static (string? Number, int? Year) ParseRollupArgument(string? argument)
    {
        if (string.IsNullOrWhiteSpace(argument)) return (null, null);
        var words = argument.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        int? year = null;
        if (words.Count > 0 && words[^1].Trim('.', ',', '?') is { Length: 4 } last && int.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var yy) && yy is >= 2000 and <= 2100)
        {
            year = yy;
            words.RemoveAt(words.Count - 1);
        }
        var start = words.FindIndex(w => w.Contains('/', StringComparison.Ordinal));
        var number = start < 0 ? null : string.Join(' ', words.Skip(start)).Trim('?', '.', ',', ' ');
        return (string.IsNullOrEmpty(number) ? null : number, year);
    }

    // ------------------------------------------------------------------ helpers

    /// <summary>"Đã gửi 2 thẻ nhiệm vụ, 3 thẻ đang được gửi, 1 chưa xác định người nhận." (only the parts that apply).</summary>
    internal static string PublishSummary(PublishResult r, bool vi)
    {
        var parts = new List<string>();
        if (r.Sent > 0 || (r.Queued == 0 && r.AlreadySent == 0)) parts.Add(vi ? $"Đã gửi {r.Sent} thẻ nhiệm vụ" : $"Sent {r.Sent} assignment cards");
        if (r.Queued > 0) parts.Add(vi ? $"{r.Queued} thẻ nhiệm vụ đang được gửi" : $"{r.Queued} assignment cards being delivered");
        if (r.AlreadySent > 0) parts.Add(vi ? $"{r.AlreadySent} thẻ đã gửi trước đó" : $"{r.AlreadySent} sent before");
        if (r.Unresolved > 0) parts.Add(vi ? $"{r.Unresolved} chưa xác định người nhận" : $"{r.Unresolved} without assignee");
        if (r.Failed > 0) parts.Add(vi ? $"{r.Failed} lỗi" : $"{r.Failed} failed");
        var text = string.Join(", ", parts) + ".";
        return char.ToUpperInvariant(text[0]) + text[1..];
    }

    /// <summary>The member's chosen card language first, then the locale of the client that sent this activity.</summary>
    private CardView View(Activity activity, Member? member) =>
        CardView.For(member?.Language is not null ? member.PreferredLocale
            : !string.IsNullOrWhiteSpace(activity.Locale) ? activity.Locale : member?.Locale, VietnamTime.Today(time));

    /// <summary>{ statusCode, type: application/vnd.microsoft.error, value: { code, message } } with a Vietnamese / English message.</summary>
    public static InvokeResponse Error(int status, string code, string vi, string en) => new(200, new JsonObject
    {
        ["statusCode"] = status,
        ["type"] = ErrorContentType,
        ["value"] = new JsonObject { ["code"] = code, ["message"] = $"{vi} / {en}" },
    });

    private static string? Str(JsonObject o, string name)
    {
        if (o[name] is not JsonValue v) return null;
        if (v.TryGetValue<string>(out var s)) return string.IsNullOrWhiteSpace(s) ? null : s.Trim();
        if (v.TryGetValue<long>(out var l)) return l.ToString(CultureInfo.InvariantCulture);
        return null;
    }

    private static int? Int(JsonObject o, string name)
    {
        if (o[name] is not JsonValue v) return null;
        if (v.TryGetValue<int>(out var i)) return i;
        if (v.TryGetValue<long>(out var l) && l is >= int.MinValue and <= int.MaxValue) return (int)l;
        if (v.TryGetValue<double>(out var d) && d == Math.Floor(d) && Math.Abs(d) < int.MaxValue) return (int)d;
        if (v.TryGetValue<string>(out var s) && int.TryParse(s.Trim().TrimEnd('%'), NumberStyles.Integer, CultureInfo.InvariantCulture, out var p)) return p;
        return null;
    }
}
