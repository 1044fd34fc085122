using System.Text.Json.Nodes;
using TeamsPlans.Bot.Features.Common;

namespace TeamsPlans.Bot.Features.Import;

/// <summary>
/// The buttons of the import preview: "Lưu" (map) applies the assignee pickers ("map_{assignmentId}": member aadObjectId);
/// the report regimes edited ("regime_{n}_{field}", <see cref="Regime.RegimeEditor"/>) are saved by both;
/// "Gửi" (publish) applies them too, publishes the draft and sends the assignment cards, then shows what was sent.
/// </summary>
internal sealed class PreviewActions(IStateStore store, PlanActionGuard guard, PlanImportService importer, IAssignmentPublisher publisher,
    TimeProvider time, ILogger<PreviewActions> logger, History.HistoryRecorder history)
{
    public async Task<CardActionResult> HandleAsync(CardActionContext action, CancellationToken ct)
    {
        var (plan, error) = await guard.CheckAsync(action, ct).ConfigureAwait(false);
        if (plan is null) return error!;
        var (tenantId, planId, view) = (action.TenantId, plan.PlanId, action.State.View);
        if (await MapAsync(tenantId, planId, action.Data.Values, ct).ConfigureAwait(false) is { } mapError) return mapError;
        if (plan.Status == PlanStatus.Draft && Regime.RegimeEditor.Apply(plan.Document, action.Data.Values) is var (edited, regimeError))
        {
            if (regimeError is not null) return CardActionResult.Fail(400, regimeError.Code, regimeError.Vi, regimeError.En);
            if (edited is not null) await store.Plans.UpsertAsync(plan = plan with { Document = edited, UpdatedAt = time.GetUtcNow() },
                ct).ConfigureAwait(false);
        }
        if (action.Verb != CardVerbs.Publish)
            return CardActionResult.Ok((await importer.PreviewCardAsync(tenantId, planId, view, ct,
                pickerFrom: action.Data.Int(ImportCards.PickerFrom) ?? 0).ConfigureAwait(false))!);

        if ((await store.Assignments.ListByPlanAsync(tenantId, planId, ct).ConfigureAwait(false)).Count == 0)
            return CardActionResult.Fail(400, "NothingToSend", ImportTexts.Vi.NothingToSend, ImportTexts.En.NothingToSend);
        if (plan.Status == PlanStatus.Draft)
        {
            plan = plan with { Status = PlanStatus.Published, UpdatedAt = time.GetUtcNow() };
            await store.Plans.UpsertAsync(plan, ct).ConfigureAwait(false);
            logger.LogInformation("Published plan {PlanId} of {TenantId} by {AadObjectId}", planId, tenantId, action.UserKey);
            foreach (var a in await store.Assignments.ListByPlanAsync(tenantId, planId, ct).ConfigureAwait(false))
                await history.RecordAsync(a, HistoryEvent.Created, action.UserKey, action.State.Member?.DisplayName, HistorySource.Card,
                    a.Assignee.Display, ct).ConfigureAwait(false);
        }
        var r = await publisher.PublishAsync(tenantId, planId, ct).ConfigureAwait(false);
        var lines = new List<CardElement>
        {
            new TextBlock(PublishSummary.Of(r, action.State.Vi)) { Id = "publishResult", Weight = "bolder", Color = r.Failed > 0 ? "attention"
                : "good", Separator = true },
        };
        lines.AddRange(r.Errors.Take(10).Select(e => new TextBlock("• " + e) { Color = "attention", Spacing = "none" }));
        return CardActionResult.Ok((await importer.PreviewCardAsync(tenantId, planId, view, ct, PreviewNotes.Below(lines)).ConfigureAwait(false))!);
    }

    /// <summary>Stores the members chosen in the pickers; an error when a chosen member is not in the tenant.</summary>
    private async Task<CardActionResult?> MapAsync(string tenantId, string planId, JsonObject data, CancellationToken ct)
    {
        var mapped = 0;
        foreach (var (key, value) in data)
        {
            if (!key.StartsWith(CardVerbs.MapInputPrefix, StringComparison.Ordinal) || value is not JsonValue v || !v.TryGetValue<string>(out var aad)
                || string.IsNullOrWhiteSpace(aad)) continue;
            var assignmentId = key[CardVerbs.MapInputPrefix.Length..];
            var a = await store.Assignments.GetAsync(tenantId, assignmentId, ct).ConfigureAwait(false);
            if (a is null || a.PlanId != planId) continue;
            if (await store.Members.GetAsync(tenantId, aad, ct).ConfigureAwait(false) is null)
                return CardActionResult.Fail(400, "UnknownMember", "Thành viên được chọn không thuộc đơn vị.",
                    "The chosen member is not in this tenant.");
            if (a.MemberAadObjectId == aad) continue;
            await store.Assignments.SetMemberAsync(tenantId, assignmentId, aad, ct).ConfigureAwait(false);
            mapped++;
        }
        if (mapped > 0) logger.LogInformation("Mapped {Count} assignees of {PlanId} in {TenantId}", mapped, planId, tenantId);
        return null;
    }
}
