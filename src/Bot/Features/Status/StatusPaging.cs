using System.Text.Json.Nodes;

namespace TeamsPlans.Bot.Features.Status;

/// <summary>Pages of the status card: the plans after the first <c>skip</c>, and the "Trang sau" / "Next page" action.</summary>
internal static class StatusPaging
{
    public const string SkipField = "planSkip";

    /// <summary>"Trang sau" when plans remain after those shown (<paramref name="shown"/> of them from <paramref name="skip"/>).</summary>
    public static CardElement? Next(string tenantId, int skip, int shown, int total, CardView v)
    {
        if (skip + shown >= total) return null;
        var title = StatusPagingTexts.For(v).Next(total - skip - shown);
        return new ActionSet
        {
            Actions = [PlanCards.Execute(title, CardVerbs.StatusPage, new JsonObject { [SkipField] = skip + shown, ["tenantId"] = tenantId })],
        };
    }

    /// <summary>"Trang 2 · kế hoạch 6–10 / 12" under the header of a page after the first.</summary>
    public static string? Caption(int skip, int shown, int total, CardView v) =>
        skip <= 0 ? null : StatusPagingTexts.For(v).Caption(skip + 1, skip + shown, total);
}
