using System.CommandLine;
using System.Globalization;
using System.Text;
using TeamsPlans.Plans.Scheduling;
using TeamsPlans.Storage;

namespace TeamsPlans.Bot.Cli;

/// <summary>
/// `history export --plan P [--tenant T] [--out file.csv] [--state CONNECTION] [--provider sqlite|postgres]`: writes the
/// history of every assignment of a plan as CSV (UTF-8 with BOM, so Excel reads the Vietnamese): time (dd/MM/yyyy HH:mm:ss,
/// Asia/Ho_Chi_Minh), assignment, assignee, event, who, from where, detail. To standard output without --out. The tenant
/// defaults to Conversation:DefaultTenantId; the store to the "State" configuration, as for `resend`.
/// </summary>
internal static class HistoryCommand
{
    public static readonly string[] Header = ["thoi_diem", "nhiem_vu", "nguoi_duoc_giao", "su_kien", "nguoi_thuc_hien", "nguon", "chi_tiet"];

    public static Command Create()
    {
        var plan = new Option<string>("--plan") { Description = "Plan id / Mã kế hoạch", Required = true };
        var tenant = new Option<string?>("--tenant") { Description = "Tenant id (default Conversation:DefaultTenantId) / Mã tenant" };
        var output = new Option<string?>("--out") { Description = "CSV file (default: standard output) / Tệp CSV" };
        var state = new Option<string?>("--state") { Description = "State store connection (SQLite file or connection string) / " +
            "Kết nối kho dữ liệu" };
        var provider = new Option<string?>("--provider") { Description = "sqlite | postgres (default: configuration)" };
        var export = new Command("export", "Export a plan's assignment history as CSV / Xuất lịch sử nhiệm vụ của kế hoạch ra CSV") { plan, tenant,
            output, state, provider };
        export.SetAction(async (pr, ct) =>
        {
            var configuration = new ConfigurationBuilder()
                .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
                .AddJsonFile("appsettings.json", optional: true)
                .AddEnvironmentVariables()
                .Build();
            var t = pr.GetValue(tenant) is { Length: > 0 } given ? given : configuration["Conversation:DefaultTenantId"];
            var p = pr.GetValue(plan);
            if (string.IsNullOrWhiteSpace(t) || string.IsNullOrWhiteSpace(p))
            {
                await Console.Error.WriteLineAsync("history export: cần --plan và --tenant (hoặc Conversation:DefaultTenantId) / " +
                    "--plan and --tenant (or Conversation:DefaultTenantId) are needed").ConfigureAwait(false);
                return 2;
            }
            var options = StateStoreFactory.ReadOptions(configuration);
            if (pr.GetValue(state) is { Length: > 0 } cs) options.ConnectionString = cs;
            if (pr.GetValue(provider) is { Length: > 0 } pv) options.Provider = pv;
            try
            {
                await using var store = StateStoreFactory.Create(options, TimeProvider.System);
                await store.MigrateAsync(ct).ConfigureAwait(false);
                if (pr.GetValue(output) is { Length: > 0 } file)
                {
                    await using var writer = new StreamWriter(file, false, new UTF8Encoding(true));
                    return await ExportAsync(store, t, p, writer, Console.Error, ct).ConfigureAwait(false);
                }
                return await ExportAsync(store, t, p, Console.Out, Console.Error, ct).ConfigureAwait(false);
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException or System.Data.Common.DbException or IOException
                or UnauthorizedAccessException)
            {
                await Console.Error.WriteLineAsync($"history export: {e.Message}").ConfigureAwait(false);
                return 1;
            }
        });
        return new Command("history", "Assignment history / Lịch sử nhiệm vụ") { export };
    }

    /// <summary>Writes the CSV of the plan's history; 1 (and a message on <paramref name="errors"/>) when the plan is unknown.</summary>
    public static async Task<int> ExportAsync(IStateStore store, string tenantId, string planId, TextWriter csv, TextWriter errors,
        CancellationToken ct)
    {
        if (await store.Plans.GetAsync(tenantId, planId, ct).ConfigureAwait(false) is null)
        {
            await errors.WriteLineAsync($"Không tìm thấy kế hoạch '{planId}' trong tenant '{tenantId}' / " +
                $"Plan '{planId}' not found in tenant '{tenantId}'.").ConfigureAwait(false);
            return 1;
        }
        var assignees = (await store.Assignments.ListByPlanAsync(tenantId, planId, ct).ConfigureAwait(false))
            .ToDictionary(a => a.AssignmentId, a => a.Assignee.Display, StringComparer.Ordinal);
        await csv.WriteLineAsync(string.Join(',', Header)).ConfigureAwait(false);
        foreach (var e in await HistoryStoreFactory.For(store).ListByPlanAsync(tenantId, planId, ct).ConfigureAwait(false))
        {
            string[] cells = [VietnamTime.Local(e.At).ToString("dd/MM/yyyy HH:mm:ss", CultureInfo.InvariantCulture), e.AssignmentId,
                assignees.GetValueOrDefault(e.AssignmentId, ""), e.Event.ToString(), e.ActorName ?? e.Actor, e.Source.ToString(), e.Detail ?? ""];
            await csv.WriteLineAsync(string.Join(',', cells.Select(Cell))).ConfigureAwait(false);
        }
        await csv.FlushAsync(ct).ConfigureAwait(false);
        return 0;
    }

    /// <summary>RFC 4180 cell: quoted when it holds a comma, quote or line break;
    /// a leading =, +, - or @ is prefixed with ' (no formulas in Excel).</summary>
    public static string Cell(string value)
    {
        var v = value.Length > 0 && value[0] is '=' or '+' or '-' or '@' ? "'" + value : value;
        return v.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + v.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : v;
    }
}
