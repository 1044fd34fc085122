using System.CommandLine;
using Microsoft.Extensions.Logging.Abstractions;
using TeamsPlans.Plans.Reading;
using TeamsPlans.Plans.Units;
using TeamsPlans.Storage;

namespace TeamsPlans.Bot.Features.Units;

/// <summary>
/// Admin CLI `units import FILE --tenant T [--dry-run]` (an .xlsx / .csv list of units, checked row by row; the good rows are
/// stored, each bad one printed with its line and reason in Vietnamese and English), `units list --tenant T` and
/// `units sync-groups` (<see cref="UnitGroupsCommand"/>: the unit groups of Entra ID).
/// The state store comes from the "State" configuration unless --state / --provider say otherwise (as for `resend`).
/// </summary>
internal static class UnitsCommand
{
    public static Command Create()
    {
        var tenant = new Option<string>("--tenant") { Description = "Tenant id / Mã tenant", Required = true };
        var state = new Option<string?>("--state") { Description = "State store connection (SQLite file or connection string) / " +
            "Kết nối kho dữ liệu" };
        var provider = new Option<string?>("--provider") { Description = "sqlite | postgres (default: configuration)" };
        var file = new Argument<FileInfo>("file") { Description = ".xlsx / .csv list of units / Danh sách đơn vị" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check only, store nothing / Chỉ kiểm tra, không lưu" };
        var import = new Command("import", "Import a list of units / Nhập danh sách đơn vị") { file, tenant, state, provider, dryRun };
        import.SetAction((pr, ct) => WithStoreAsync(pr.GetValue(state), pr.GetValue(provider), s =>
            ImportAsync(s, pr.GetValue(tenant)!, pr.GetValue(file)!, pr.GetValue(dryRun), Console.Out, ct), ct));
        var list = new Command("list", "List the units of a tenant / Liệt kê đơn vị") { tenant, state, provider };
        list.SetAction((pr, ct) => WithStoreAsync(pr.GetValue(state), pr.GetValue(provider), s =>
            ListAsync(s, pr.GetValue(tenant)!, Console.Out, ct), ct));
        return new Command("units", "Unit directory / Danh bạ đơn vị") { import, list, UnitGroupsCommand.Create(tenant, state, provider, dryRun) };
    }

    public static async Task<int> ImportAsync(IStateStore store, string tenantId, FileInfo file, bool dryRun, TextWriter output, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(output);
        if (!file.Exists)
        {
            await output.WriteLineAsync($"Không thấy tệp '{file.FullName}' / File '{file.FullName}' not found.").ConfigureAwait(false);
            return 2;
        }
        var importer = new UnitDirectoryImporter(store, TimeProvider.System, NullLogger<UnitDirectoryImporter>.Instance);
        UnitImportResult result;
        try
        {
            result = await importer.ImportAsync(tenantId, await File.ReadAllBytesAsync(file.FullName, ct).ConfigureAwait(false), file.Name, dryRun,
                ct).ConfigureAwait(false);
        }
        catch (PlanReadException e)
        {
            await output.WriteLineAsync(e.Message).ConfigureAwait(false);
            return 1;
        }
        await output.WriteLineAsync($"{result.Summary(false)} / {result.Summary(true)}{(dryRun ? " (--dry-run: chưa lưu / not stored)" : "")}")
            .ConfigureAwait(false);
        foreach (var p in result.Problems)
            await output.WriteLineAsync($"  {p.Text(false)} / {p.Text(true)}").ConfigureAwait(false);
        return result.Units.Count > 0 ? 0 : 1;
    }

    public static async Task<int> ListAsync(IStateStore store, string tenantId, TextWriter output, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(output);
        var units = await UnitStores.For(store).ListAsync(tenantId, ct).ConfigureAwait(false);
        foreach (var u in units)
            await output.WriteLineAsync($"{u.Code,-12} {UnitKinds.Label(u.Kind, false),-22} {u.ParentCode ?? "-",-10} " +
                $"{u.Head?.Upn ?? u.Head?.AadObjectId ?? "-",-30} {u.Name}").ConfigureAwait(false);
        await output.WriteLineAsync($"{units.Count} đơn vị / units").ConfigureAwait(false);
        return 0;
    }

    internal static async Task<int> WithStoreAsync(string? connection, string? providerName, Func<IStateStore, Task<int>> work, CancellationToken ct)
    {
        var options = Cli.CliStateStore.Options(connection, providerName);
        try
        {
            await using var store = StateStoreFactory.Create(options, TimeProvider.System);
            await store.MigrateAsync(ct).ConfigureAwait(false);
            return await work(store).ConfigureAwait(false);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or System.Data.Common.DbException or IOException)
        {
            await Console.Error.WriteLineAsync($"units: không mở được kho dữ liệu / cannot open the state store: {e.Message}").ConfigureAwait(false);
            return 1;
        }
    }
}
