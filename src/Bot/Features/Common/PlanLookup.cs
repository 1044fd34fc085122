using TeamsPlans.Bot.Security;

namespace TeamsPlans.Bot.Features.Common;

/// <summary>Finds a plan the way users name it in chat: by its printed number ("82/KH-THPT BK") or by its id.</summary>
internal sealed class PlanLookup(IStateStore store)
{
    /// <summary>A plan by its printed number or its id, in the tenant.</summary>
    public async Task<StoredPlan?> FindAsync(string tenantId, string number, CancellationToken ct) =>
        await store.Plans.FindByNumberAsync(tenantId, number, ct).ConfigureAwait(false)
        ?? await store.Plans.GetAsync(tenantId, number, ct).ConfigureAwait(false);

    /// <summary>"Không tìm thấy kế hoạch …" / "No plan … was found."</summary>
    public static AdaptiveCard NotFound(string number, CardView view) =>
        PlanCards.Notice(CardTexts.For(view.S).PlanNotFound(EchoText.Cap(number)), [], view, "attention");
}
