using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using TeamsPlans.Bot.Tab.Auth;
using TeamsPlans.Bot.Tab.Export;

namespace TeamsPlans.Bot.Tab.Api;

/// <summary>
/// The tab's JSON API under /tab/api (bearer tokens only, no cookies; see docs/security.md "Tab API"). Every request
/// resolves its caller first (401 without one); a plan outside the caller's tenant, or a plan with nothing of a member's,
/// is 404; what only managers may do (export, remind, resend) is 403 for members.
/// </summary>
internal static class TabApi
{
    public static void MapTabApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/tab/api");
        api.MapGet("/me", (HttpContext http, TabCallerResolver r, CancellationToken ct) => WithCaller(http, r, ct, c =>
            Task.FromResult(Results.Json(new { c.TenantId, c.AadObjectId, c.Name, Roles = c.Roles.ToString(), c.CanManage }))));
        api.MapGet("/local/users", (TabCallerResolver r) => r.LocalMode
            ? Results.Json(r.Roster.Users.Select(u => new { u.AadObjectId, u.Name }))
            : Results.NotFound());
        api.MapGet("/plans", (HttpContext http, TabCallerResolver r, TabQueries q, IOptions<TabOptions> o,
            int? year, string? state, string? issuer, string? unit, [FromQuery(Name = "q")] string? search, int? page, int? size,
                CancellationToken ct) =>
            WithCaller(http, r, ct, async c =>
            {
                var list = await q.PlansAsync(c, new PlanFilter(year, state, issuer, unit, search), ct);
                return Results.Json(Paged<PlanSummary>.Of(list, page ?? 1, size ?? 50, o.Value.MaxPageSize));
            }));
        api.MapGet("/plans/{planId}", (HttpContext http, TabCallerResolver r, TabQueries q, string planId, CancellationToken ct) =>
            WithPlan(http, r, q, planId, ct, async (c, p) =>
            {
                var summary = (await q.PlansAsync(c, new PlanFilter(null, null, null, null, null), ct)).FirstOrDefault(s => s.PlanId == planId);
                return Results.Json(new { Plan = summary, p.Plan.DocumentUri, c.CanManage });
            }));
        api.MapGet("/plans/{planId}/assignments", (HttpContext http, TabCallerResolver r, TabQueries q, IOptions<TabOptions> o, string planId,
            string? state, string? unit, string? search, string? sort, bool? desc, int? page, int? size, string? lang, CancellationToken ct) =>
            WithPlan(http, r, q, planId, ct, async (c, p) =>
            {
                var rows = await q.RowsAsync(c, p.Plan, p.Visible, new AssignmentFilter(state, unit, search, sort, desc ?? false), lang == "en", ct);
                return Results.Json(Paged<AssignmentRow>.Of(rows, page ?? 1, size ?? 50, o.Value.MaxPageSize));
            }));
        api.MapGet("/plans/{planId}/export.xlsx", (HttpContext http, TabCallerResolver r, TabQueries q, string planId, CancellationToken ct) =>
            WithPlan(http, r, q, planId, ct, async (c, p) =>
            {
                if (!c.CanManage) return Forbidden();
                var rows = await q.RowsAsync(c, p.Plan, p.Visible, new AssignmentFilter(null, null, null, null, false), false, ct);
                var buffer = new MemoryStream();
                await PlanWorkbook.WriteAsync(buffer, p.Plan, rows, ct);
                return Results.File(buffer.ToArray(), PlanWorkbook.ContentType, ExportName(p.Plan));
            }));
        api.MapPost("/plans/{planId}/remind",
            (HttpContext http, TabCallerResolver r, TabQueries q, IPlanReminderSender sender, string planId, CancellationToken ct) =>
            WithPlan(http, r, q, planId, ct, async (c, p) => c.CanManage
                ? Results.Json(await sender.RemindAsync(c.TenantId, planId, ct))
                : Forbidden()));
        api.MapPost("/plans/{planId}/resend",
            (HttpContext http, TabCallerResolver r, TabQueries q, [FromServices] IPlanDeliveries deliveries, string planId, CancellationToken ct) =>
            WithPlan(http, r, q, planId, ct, async (c, p) => c.CanManage
                ? Results.Json(await deliveries.ResendFailedDeliveriesAsync(c.TenantId, planId, english: false, ct))
                : Forbidden()));
    }

    public static string ExportName(StoredPlan plan) =>
        "ke-hoach-" + string.Concat((plan.Number ?? plan.PlanId).Select(ch => char.IsAsciiLetterOrDigit(ch) ? ch : '-')) + ".xlsx";

    internal static async Task<IResult> WithCaller(HttpContext http, TabCallerResolver resolver, CancellationToken ct,
        Func<TabCaller, Task<IResult>> then)
    {
        var caller = await resolver.ResolveAsync(http, ct);
        return caller is null
            ? Results.Json(new { error = "Chưa đăng nhập hoặc phiên không hợp lệ. / Not signed in or the token is not valid." }, statusCode: 401)
            : await then(caller);
    }

    internal static Task<IResult> WithPlan(HttpContext http, TabCallerResolver resolver, TabQueries q, string planId, CancellationToken ct,
        Func<TabCaller, (StoredPlan Plan, IReadOnlyList<AssignmentRecord> Visible), Task<IResult>> then) =>
        WithCaller(http, resolver, ct, async c => await q.PlanAsync(c, planId, ct) is { } p
            ? await then(c, p)
            : Results.Json(new { error = "Không tìm thấy kế hoạch. / The plan was not found." }, statusCode: 404));

    internal static IResult Forbidden() =>
        Results.Json(new { error = "Chỉ Ban giám hiệu/trưởng ban được thực hiện thao tác này. / Only principals and committee heads can do this." },
            statusCode: 403);
}
