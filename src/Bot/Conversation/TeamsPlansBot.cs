using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using TeamsPlans.Bot.Cards;
using TeamsPlans.Bot.Protocol;
using TeamsPlans.Plans.Model;
using TeamsPlans.Storage;

namespace TeamsPlans.Bot.Conversation;

/// <summary>
/// The TeamsPlans conversation: installation (welcome, member + conversation reference), chat commands
/// (status, my tasks, deadlines, import, help), and card actions — Universal Actions invokes ("adaptiveCard/action")
/// and their Action.Submit fallback (a message whose value carries "verb").
/// The tenant always comes from the activity; card data naming another tenant is refused.
/// </summary>
public sealed class TeamsPlansBot(
    IStateStore store, MemberDirectory directory, PlanImporter importer, IAssignmentPublisher publisher,
    IPlanReminderSender reminders, IEnumerable<IAssignmentChangeSink> sinks, ConversationOptions options,
    TimeProvider time, ILogger<TeamsPlansBot> logger) : IActivityHandler
{
    public const string AdaptiveCardAction = "adaptiveCard/action";
    public const string ErrorContentType = "application/vnd.microsoft.error";

    public async Task<InvokeResponse?> OnActivityAsync(Activity activity, ITurnContext turn, CancellationToken ct)
    {
        var tenantId = activity.TenantId ?? options.DefaultTenantId;
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
            var card = PlanCards.Welcome(member?.DisplayName ?? activity.From?.Name, member?.CanSeeOthers == true, View(activity, member));
            await turn.SendAsync(CardMessage(card), ct).ConfigureAwait(false);
        }
    }

    // ------------------------------------------------------------------ messages

    private async Task OnMessageAsync(Activity activity, ITurnContext turn, string tenantId, CancellationToken ct)
    {
        var member = await directory.RememberSenderAsync(activity, tenantId, ct).ConfigureAwait(false);
        var view = View(activity, member);

        if (activity.Value is JsonObject submit && submit["verb"] is JsonValue)
        {
            // Action.Submit fallback of an Action.Execute (clients without Universal Actions).
            var verb = Str(submit, "verb")!;
            var result = await HandleActionAsync(activity, turn, tenantId, verb, submit, ct).ConfigureAwait(false);
            if (result.Card is not null)
            {
                if (!string.IsNullOrEmpty(activity.ReplyToId))
                {
                    try { await turn.UpdateAsync(activity.ReplyToId, CardMessage(result.Card), ct).ConfigureAwait(false); return; }
                    catch (ConnectorException e) { logger.LogWarning(e, "Card {ActivityId} could not be updated; sending a new one", activity.ReplyToId); }
                }
                await turn.SendAsync(CardMessage(result.Card), ct).ConfigureAwait(false);
            }
            else await turn.SendTextAsync($"⚠ {result.Vi} / {result.En}", ct).ConfigureAwait(false);
            return;
        }

        var command = TextCommands.Parse(activity.Text);
        var canManage = member?.CanSeeOthers == true;
        logger.LogInformation("Command {Command} from {AadObjectId} in {TenantId}", command.Kind, member?.AadObjectId, tenantId);
        AdaptiveCard reply = command.Kind switch
        {
            CommandKind.Help => PlanCards.Help(null, canManage, view),
            CommandKind.Unknown => PlanCards.Help(command.Text, canManage, view),
            CommandKind.MyTasks => await MyTasksCardAsync(tenantId, member, view, ct).ConfigureAwait(false),
            CommandKind.Status or CommandKind.NotAcknowledged or CommandKind.Deadlines => canManage
                ? await StatusCardAsync(tenantId, command.Kind == CommandKind.Status ? command.Argument : null, view, ct).ConfigureAwait(false)
                : await MyTasksCardAsync(tenantId, member, view, ct).ConfigureAwait(false),
            CommandKind.Import => canManage
                ? await ImportAsync(tenantId, member!, command.Argument, view, ct).ConfigureAwait(false)
                : PlanCards.Notice(view.S.Lang == "vi" ? "Chỉ Ban giám hiệu được nhập kế hoạch." : "Only principals can import plans.", [], view, "attention"),
            _ => PlanCards.Help(command.Text, canManage, view),
        };
        await turn.SendAsync(CardMessage(reply), ct).ConfigureAwait(false);
    }

    private async Task<AdaptiveCard> MyTasksCardAsync(string tenantId, Member? member, CardView view, CancellationToken ct)
    {
        if (member is null) return PlanCards.MyTasks([], view);
        var mine = await store.Assignments.ListByMemberAsync(tenantId, member.AadObjectId, ct).ConfigureAwait(false);
        var plans = new Dictionary<string, StoredPlan?>();
        var tasks = new List<(StoredPlan?, AssignmentRecord)>();
        foreach (var a in mine)
        {
            if (!plans.TryGetValue(a.PlanId, out var p)) plans[a.PlanId] = p = await store.Plans.GetAsync(tenantId, a.PlanId, ct).ConfigureAwait(false);
            // Drafts are not given out yet: members see published plans only.
            if (p is null || p.Status == PlanStatus.Published) tasks.Add((p, a));
        }
        return PlanCards.MyTasks(tasks, view);
    }

    private async Task<AdaptiveCard> StatusCardAsync(string tenantId, string? number, CardView view, CancellationToken ct)
    {
        IReadOnlyList<StoredPlan> plans;
        if (number is not null)
        {
            var plan = await store.Plans.FindByNumberAsync(tenantId, number, ct).ConfigureAwait(false)
                ?? await store.Plans.GetAsync(tenantId, number, ct).ConfigureAwait(false);
            if (plan is null)
                return PlanCards.Notice(view.S.Lang == "vi" ? $"Không tìm thấy kế hoạch \"{number}\"." : $"No plan \"{number}\" was found.", [], view, "attention");
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
        return PlanCards.Status(rows, members, view, canRemind: true);
    }

    private async Task<AdaptiveCard> ImportAsync(string tenantId, Member member, string? query, CardView view, CancellationToken ct)
    {
        var vi = view.S.Lang == "vi";
        var files = importer.FindFiles(query);
        string Rel(string f) => Path.GetRelativePath(importer.LibraryRoot, f);
        if (query is null || files.Count != 1)
        {
            var all = query is null ? files : importer.FindFiles(null);
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
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or InvalidDataException or NotSupportedException or InvalidOperationException or ArgumentException)
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
            case CardVerbs.Map:
            case CardVerbs.Publish:
            case CardVerbs.Remind:
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
            await turn.SendAsync(CardMessage(PlanCards.PlanSummary(plan, all.OrderBy(a => a.Ordinal).ToList(), view)), ct).ConfigureAwait(false);
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
        return PlanCards.Assignment(plan, a, assignee?.DisplayName, view, users, interactive);
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
            await turn.SendTextAsync(vi ? $"Đã nhắc {r.Sent} người chưa xác nhận" + (r.Failed > 0 ? $"; {r.Failed} lỗi: {string.Join("; ", r.Errors.Take(5))}" : ".")
                : $"Reminded {r.Sent} people who have not acknowledged" + (r.Failed > 0 ? $"; {r.Failed} failed: {string.Join("; ", r.Errors.Take(5))}" : "."), ct).ConfigureAwait(false);
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
            card.Body.Add(new TextBlock(vi
                ? $"Đã gửi {r.Sent} thẻ nhiệm vụ" + (r.Queued > 0 ? $", {r.Queued} đang chờ gửi" : "") + (r.AlreadySent > 0 ? $", {r.AlreadySent} đã gửi trước đó" : "") + (r.Unresolved > 0 ? $", {r.Unresolved} chưa xác định người nhận" : "") + (r.Failed > 0 ? $", {r.Failed} lỗi" : "") + "."
                : $"Sent {r.Sent} assignment cards" + (r.Queued > 0 ? $", {r.Queued} queued" : "") + (r.AlreadySent > 0 ? $", {r.AlreadySent} sent before" : "") + (r.Unresolved > 0 ? $", {r.Unresolved} without assignee" : "") + (r.Failed > 0 ? $", {r.Failed} failed" : "") + ".")
            { Id = "publishResult", Weight = "bolder", Color = r.Failed > 0 ? "attention" : "good", Separator = true });
            foreach (var e in r.Errors.Take(10)) card.Body.Add(new TextBlock("• " + e) { Color = "attention", Spacing = "none" });
            return ActionResult.Ok(card);
        }
        return ActionResult.Ok((await importer.PreviewCardAsync(tenantId, planId, view, ct).ConfigureAwait(false))!);
    }

    // ------------------------------------------------------------------ helpers

    private CardView View(Activity activity, Member? member) =>
        CardView.For(!string.IsNullOrWhiteSpace(activity.Locale) ? activity.Locale : member?.Locale, VietnamClock.Today(time));

    private static Activity CardMessage(AdaptiveCard card)
    {
        var m = Activity.CreateMessage();
        m.Summary = card.FallbackText;
        m.Attachments = [card.ToAttachment()];
        return m;
    }

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
