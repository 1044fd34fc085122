using Microsoft.Extensions.Options;
using TeamsPlans.Bot.Features.History;
using TeamsPlans.Bot.Tab.Api;
using TeamsPlans.Bot.Tab.Auth;
using TeamsPlans.Plans.Scheduling;

namespace TeamsPlans.Bot.Tab.History;

/// <summary>
/// GET /tab/api/plans/{planId}/history[?assignment=…]: the history (IHistoryStore), oldest first, paged. A principal sees
/// every assignment's lines; a member only those of her own assignments (the plan is 404 to her when it holds none, as
/// every tab request); another tenant's plan is 404.
/// </summary>
internal static class HistoryApi
{
    public static void MapTabHistoryApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/tab/api/plans/{planId}/history", (HttpContext http, TabCallerResolver r, TabQueries q, IHistoryStore store,
            IOptions<TabOptions> o, string planId, string? assignment, bool? en, int? page, int? size, CancellationToken ct) =>
            TabApi.WithPlan(http, r, q, planId, ct, async (c, p) =>
            {
                var visible = p.Visible.ToDictionary(a => a.AssignmentId, StringComparer.Ordinal);
                if (assignment is not null && !visible.ContainsKey(assignment))
                    return Results.Json(new { error = "Không tìm thấy phân công. / The assignment was not found." }, statusCode: 404);
                var entries = assignment is null
                    ? await store.ListByPlanAsync(c.TenantId, planId, ct)
                    : await store.ListByAssignmentAsync(c.TenantId, assignment, ct);
                var texts = en == true ? HistoryTexts.En : HistoryTexts.Vi;
                var rows = entries.Where(e => visible.ContainsKey(e.AssignmentId)).Select(e => Row(e, visible[e.AssignmentId], texts)).ToList();
                return Results.Json(Paged<HistoryRow>.Of(rows, page ?? 1, size ?? 100, o.Value.MaxPageSize));
            }));

    private static HistoryRow Row(HistoryEntry e, AssignmentRecord a, HistoryTexts texts)
    {
        var local = TimeZoneInfo.ConvertTime(e.At, VietnamTime.Zone);
        return new HistoryRow(e.Sequence, local.ToString("dd/MM/yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture), e.AssignmentId,
            a.Ordinal, a.Assignee.Display, e.Event.ToString(), texts.Event(e.Event), e.ActorName ?? e.Actor, texts.Source(e.Source), e.Detail);
    }
}
