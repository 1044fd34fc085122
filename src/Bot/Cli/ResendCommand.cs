using System.CommandLine;
using Microsoft.Extensions.Logging.Abstractions;
using TeamsPlans.Bot.Delivery;
using TeamsPlans.Storage;

namespace TeamsPlans.Bot.Cli;

/// <summary>
/// `resend --tenant T --plan P [--state CONNECTION] [--status]`: puts the plan's failed deliveries (not the members who
/// blocked the bot) back in the delivery queue, so the running bot's delivery worker sends them again; prints the
/// delivery status before and after. `--status` only prints it. The state store comes from the "State" configuration
/// (appsettings.json, environment State__Provider / State__ConnectionString) unless --state gives a SQLite file / connection.
/// </summary>
public static class ResendCommand
{
    public static Command Create()
    {
        var tenant = new Option<string>("--tenant") { Description = "Tenant id / Mã tenant", Required = true };
        var plan = new Option<string>("--plan") { Description = "Plan id / Mã kế hoạch", Required = true };
        var state = new Option<string?>("--state") { Description = "State store connection (SQLite file or connection string) / " +
            "Kết nối kho dữ liệu" };
        var provider = new Option<string?>("--provider") { Description = "sqlite | postgres (default: configuration)" };
        var statusOnly = new Option<bool>("--status") { Description = "Only print the delivery status / Chỉ xem trạng thái gửi" };
        var cmd = new Command("resend", "Resend a plan's failed deliveries / Gửi lại các tin gửi lỗi của kế hoạch")
        {
            tenant, plan, state, provider, statusOnly,
        };
        cmd.SetAction(async (pr, ct) =>
        {
            var t = pr.GetValue(tenant)!;
            var p = pr.GetValue(plan)!;
            if (string.IsNullOrWhiteSpace(t) || string.IsNullOrWhiteSpace(p))
            {
                await Console.Error.WriteLineAsync("resend: --tenant và --plan không được để trống / --tenant and --plan must not be empty")
                    .ConfigureAwait(false);
                return 2;
            }
            var options = CliStateStore.Options(pr.GetValue(state), pr.GetValue(provider));
            try
            {
                await using var store = StateStoreFactory.Create(options, TimeProvider.System);
                await store.MigrateAsync(ct).ConfigureAwait(false);
                return await RunAsync(store, t, p, pr.GetValue(statusOnly), Console.Out, ct).ConfigureAwait(false);
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException or System.Data.Common.DbException or IOException)
            {
                await Console.Error.WriteLineAsync($"resend: không mở được kho dữ liệu / cannot open the state store: {e.Message}")
                    .ConfigureAwait(false);
                return 1;
            }
        });
        return cmd;
    }

    /// <summary>The command's work, on an open store: status, requeue of Failed items, status again.</summary>
    public static async Task<int> RunAsync(IStateStore store, string tenantId, string planId, bool statusOnly, TextWriter output,
        CancellationToken ct)
    {
        if (await store.Plans.GetAsync(tenantId, planId, ct).ConfigureAwait(false) is null)
        {
            await output.WriteLineAsync($"Không tìm thấy kế hoạch '{planId}' trong tenant '{tenantId}' / " +
                $"Plan '{planId}' not found in tenant '{tenantId}'.").ConfigureAwait(false);
            return 1;
        }
        var service = new DeliveryService(store, TimeProvider.System, NullLogger<DeliveryService>.Instance);
        var before = await service.GetStatusAsync(tenantId, planId, ct).ConfigureAwait(false);
        await output.WriteLineAsync($"Trạng thái / Status: {DeliveryService.Summarize(before, false)} / {DeliveryService.Summarize(before, true)}")
            .ConfigureAwait(false);
        foreach (var i in before.Items.Where(i => i.State is DeliveryStates.Failed or DeliveryStates.Blocked))
            await output.WriteLineAsync($"  {i.State,-8} {i.MemberAadObjectId} {i.Kind} — {i.Reason}").ConfigureAwait(false);
        if (statusOnly) return 0;

        var n = await service.ResendFailedAsync(tenantId, planId, ct).ConfigureAwait(false);
        await output.WriteLineAsync($"Đã xếp lại {n} tin gửi lỗi vào hàng đợi / Requeued {n} failed deliveries" +
            (before.Count(DeliveryStates.Blocked) > 0 ? $" ({before.Count(DeliveryStates.Blocked)} bị chặn, không gửi lại / blocked, not resent)"
                : "")).ConfigureAwait(false);
        var after = await service.GetStatusAsync(tenantId, planId, ct).ConfigureAwait(false);
        await output.WriteLineAsync($"Trạng thái / Status: {DeliveryService.Summarize(after, false)} / {DeliveryService.Summarize(after, true)}")
            .ConfigureAwait(false);
        return 0;
    }
}
