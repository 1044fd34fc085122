using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using TeamsPlans.Bot.Tab.Api;
using TeamsPlans.Bot.Tab.Auth;
using TeamsPlans.Plans.Units;

namespace TeamsPlans.Bot.Tab.Rollup;

/// <summary>
/// The department roll-up's JSON under /tab/api/rollup (bearer or local user, as every tab request): the units of the
/// caller's <see cref="DepartmentScope"/> with their counts (paged, filters kind, parent, number, year, state, q), one
/// unit's detail, and "Xuất Excel". No scope: 403; a unit outside it: 404; only the caller's tenant is ever read.
/// </summary>
internal static class RollupApi
{
    public static void MapTabRollupApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/tab/api/rollup");
        api.MapGet("", (HttpContext http, TabCallerResolver r, RollupQueries q, IStateStore store, IOptions<TabOptions> o,
            string? kind, string? parent, string? number, int? year, string? state, [FromQuery(Name = "q")] string? search,
            int? page, int? size, bool? en, CancellationToken ct) =>
            WithScope(http, r, store, kind, ct, async (c, scope, k) =>
            {
                var filter = new RollupFilter(k, parent, number, year, state, search);
                var sheet = await q.ReadAsync(c.TenantId, filter, ct);
                var rows = q.Rows(sheet, scope, filter, en == true);
                var plans = sheet.Plans.Select(p => new { p.Plan.PlanId, p.Plan.Number, p.Plan.Title }).ToList();
                var paged = Paged<RollupUnitRow>.Of(rows, page ?? 1, size ?? 100, o.Value.MaxPageSize);
                return Results.Json(new { paged.Items, paged.Page, paged.Size, paged.Total, sheet.Year, scope.Officer, Plans = plans });
            }));
        api.MapGet("/units/{code}", (HttpContext http, TabCallerResolver r, RollupQueries q, IStateStore store,
            string code, string? number, int? year, bool? en, CancellationToken ct) =>
            WithScope(http, r, store, null, ct, async (c, scope, _) =>
            {
                var sheet = await q.ReadAsync(c.TenantId, new RollupFilter(null, null, number, year, null, null), ct);
                var wanted = Unit.NormalizeCode(code);
                if (!scope.Allows(wanted) || !sheet.Units.TryGetValue(wanted, out var unit))
                    return Results.Json(new { error = RollupTabTexts.UnitNotFound }, statusCode: 404);
                return Results.Json(new { unit.Code, unit.Name, Kind = RollupTabTexts.Kind(unit.Kind, en == true), unit.ParentCode, sheet.Year,
                    Plans = RollupQueries.Detail(sheet, wanted, en == true) });
            }));
        api.MapGet("/export.xlsx", (HttpContext http, TabCallerResolver r, RollupQueries q, IStateStore store,
            string? kind, string? parent, string? number, int? year, string? state, [FromQuery(Name = "q")] string? search, CancellationToken ct) =>
            WithScope(http, r, store, kind, ct, async (c, scope, k) =>
            {
                var filter = new RollupFilter(k, parent, number, year, state, search);
                var sheet = await q.ReadAsync(c.TenantId, filter, ct);
                var buffer = new MemoryStream();
                await RollupWorkbook.WriteAsync(buffer, sheet, q.Rows(sheet, scope, filter, english: false), filter, ct);
                return Results.File(buffer.ToArray(), RollupWorkbook.ContentType, RollupWorkbook.FileName(sheet.Year));
            }));
    }

    private static Task<IResult> WithScope(HttpContext http, TabCallerResolver resolver, IStateStore store, string? kind, CancellationToken ct,
        Func<TabCaller, DepartmentScope, UnitKind?, Task<IResult>> then) =>
        TabApi.WithCaller(http, resolver, ct, async c =>
        {
            if (await DepartmentScope.ForAsync(c, store, ct) is not { } scope)
                return Results.Json(new { error = RollupTabTexts.Forbidden }, statusCode: 403);
            UnitKind? k = null;
            if (!string.IsNullOrWhiteSpace(kind))
            {
                if (!Enum.TryParse<UnitKind>(kind, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
                    return Results.Json(new { error = RollupTabTexts.BadKind }, statusCode: 400);
                k = parsed;
            }
            return await then(c, scope, k);
        });
}
