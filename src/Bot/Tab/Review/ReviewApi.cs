using TeamsPlans.Bot.Tab.Api;
using TeamsPlans.Bot.Tab.Auth;

namespace TeamsPlans.Bot.Tab.Review;

/// <summary>
/// The import review's JSON under /tab/api/plans/{planId}/review: the view (GET), a correction (PUT …/assignments/{id}),
/// a new item (POST …/assignments), a removal (DELETE …/assignments/{id}) and publishing (POST …/publish). Principals and
/// committee heads only (403 for members); a plan of another tenant is 404, as for every tab request; corrections are for
/// drafts (409 once published).
/// </summary>
internal static class ReviewApi
{
    public static void MapTabReviewApi(this IEndpointRouteBuilder app)
    {
        var review = app.MapGroup("/tab/api/plans/{planId}/review");
        review.MapGet("", (HttpContext http, TabCallerResolver r, TabQueries q, ReviewService s, string planId, CancellationToken ct) =>
            Managed(http, r, q, planId, ct, async (c, p) => Results.Json(await s.ViewAsync(p.Plan, p.Visible, ct))));
        review.MapPut("/assignments/{assignmentId}", (HttpContext http, TabCallerResolver r, TabQueries q, ReviewService s, string planId,
            string assignmentId, ReviewEdit edit, CancellationToken ct) =>
            Managed(http, r, q, planId, ct, async (c, p) => Results.Json(Saved(await s.UpdateAsync(c, p.Plan, assignmentId, edit, ct)))));
        review.MapPost("/assignments", (HttpContext http, TabCallerResolver r, TabQueries q, ReviewService s, string planId,
            ReviewEdit edit, CancellationToken ct) =>
            Managed(http, r, q, planId, ct, async (c, p) => Results.Json(Saved(await s.AddAsync(c, p.Plan, edit, ct)), statusCode: 201)));
        review.MapDelete("/assignments/{assignmentId}", (HttpContext http, TabCallerResolver r, TabQueries q, ReviewService s, string planId,
            string assignmentId, CancellationToken ct) =>
            Managed(http, r, q, planId, ct, async (c, p) =>
            {
                await s.RemoveAsync(c, p.Plan, assignmentId, ct);
                return Results.NoContent();
            }));
        review.MapPost("/publish", (HttpContext http, TabCallerResolver r, TabQueries q, ReviewService s, string planId, CancellationToken ct) =>
            Managed(http, r, q, planId, ct, async (c, p) =>
            {
                var result = await s.PublishAsync(c, p.Plan, ct);
                var summary = Features.Import.PublishSummary.Of(result, true);
                return Results.Json(new { result.Sent, result.AlreadySent, result.Unresolved, result.Failed, result.Errors, Summary = summary });
            }));
    }

    private static object Saved(AssignmentRecord a) => new { a.AssignmentId, a.Ordinal };

    private static Task<IResult> Managed(HttpContext http, TabCallerResolver resolver, TabQueries q, string planId, CancellationToken ct,
        Func<TabCaller, (StoredPlan Plan, IReadOnlyList<AssignmentRecord> Visible), Task<IResult>> then) =>
        TabApi.WithPlan(http, resolver, q, planId, ct, async (c, p) =>
        {
            if (!c.CanManage) return TabApi.Forbidden();
            try
            {
                return await then(c, p);
            }
            catch (ReviewException e)
            {
                return Results.Json(new { error = e.Vi + " / " + e.En }, statusCode: e.Status);
            }
        });
}
