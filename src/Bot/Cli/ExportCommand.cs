using System.CommandLine;
using TeamsPlans.Bot.Tab.Api;
using TeamsPlans.Bot.Tab.Auth;
using TeamsPlans.Bot.Tab.Export;

namespace TeamsPlans.Bot.Cli;

/// <summary>
/// `export plan PLAN_ID --tenant T --out FILE.xlsx [--state CONNECTION] [--provider sqlite|postgres]`: the tab's "Xuất Excel"
/// of a plan from the shell (same workbook: <see cref="PlanWorkbook"/>), read with administrator rights.
/// </summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var planId = new Argument<string>("plan-id") { Description = "Plan id / Mã kế hoạch" };
        var tenant = new Option<string>("--tenant") { Description = "Tenant id / Mã tenant", Required = true };
        var output = new Option<string>("--out") { Description = "The .xlsx file to write / Tệp .xlsx", Required = true };
        var state = new Option<string?>("--state") { Description = "State store connection (SQLite file or connection string) / " +
            "Kết nối kho dữ liệu" };
        var provider = new Option<string?>("--provider") { Description = "sqlite | postgres (default: configuration)" };
        var plan = new Command("plan", "A plan's assignments as Excel / Xuất Excel phân công của kế hoạch") { planId, tenant, output,
            state, provider };
        plan.SetAction(async (pr, ct) =>
        {
            var options = StateStoreFactory.ReadOptions(new ConfigurationBuilder()
                .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
                .AddEnvironmentVariables().Build());
            if (pr.GetValue(state) is { Length: > 0 } cs) options.ConnectionString = cs;
            if (pr.GetValue(provider) is { Length: > 0 } pv) options.Provider = pv;
            try
            {
                await using var store = StateStoreFactory.Create(options, TimeProvider.System);
                await store.MigrateAsync(ct).ConfigureAwait(false);
                return await RunAsync(store, pr.GetValue(tenant)!, pr.GetValue(planId)!, pr.GetValue(output)!, TimeProvider.System, Console.Out, ct)
                    .ConfigureAwait(false);
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException or System.Data.Common.DbException or IOException
                or UnauthorizedAccessException)
            {
                await Console.Error.WriteLineAsync($"export: {e.Message}").ConfigureAwait(false);
                return 1;
            }
        });
        return new Command("export", "Excel exports / Xuất Excel") { plan };
    }

    public static async Task<int> RunAsync(IStateStore store, string tenantId, string planId, string path, TimeProvider time, TextWriter output,
        CancellationToken ct)
    {
        var queries = new TabQueries(store, time);
        var admin = new TabCaller(tenantId, "cli", "admin", MemberRoles.Admin);
        if (await queries.PlanAsync(admin, planId, ct).ConfigureAwait(false) is not { } p)
        {
            await output.WriteLineAsync($"Không tìm thấy kế hoạch '{planId}' trong tenant '{tenantId}' / " +
                $"Plan '{planId}' not found in tenant '{tenantId}'.").ConfigureAwait(false);
            return 1;
        }
        var rows = await queries.RowsAsync(admin, p.Plan, p.Visible, new AssignmentFilter(null, null, null, null, false), false, ct)
            .ConfigureAwait(false);
        await using (var file = File.Create(path))
            await PlanWorkbook.WriteAsync(file, p.Plan, rows, ct).ConfigureAwait(false);
        await output.WriteLineAsync($"Đã ghi {rows.Count} nhiệm vụ vào {path} / Wrote {rows.Count} assignments to {path}").ConfigureAwait(false);
        return 0;
    }
}
