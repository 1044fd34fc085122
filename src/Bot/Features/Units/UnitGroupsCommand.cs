using System.CommandLine;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Graph;
using Microsoft.Graph.Models.ODataErrors;
using TeamsPlans.GraphSync;
using TeamsPlans.GraphSync.Graph;
using TeamsPlans.Plans.Units;
using TeamsPlans.Storage;

namespace TeamsPlans.Bot.Features.Units;

/// <summary>
/// Admin CLI `units sync-groups --tenant T [--prefix dv-] [--parent CODE] [--graph-url URL] [--dry-run]`: fills and updates
/// the unit directory from the tenant's unit groups / teams in Entra ID (mail nickname "dv-&lt;mã&gt;", owners as head and
/// contacts; <see cref="GraphUnitGroups"/>, <see cref="UnitGroupSync"/>) with the app-only credential of GraphSync:Auth, and
/// prints what was added, updated, left unchanged and skipped (with the reason), in Vietnamese and English.
/// </summary>
internal static class UnitGroupsCommand
{
    public static Command Create(Option<string> tenant, Option<string?> state, Option<string?> provider, Option<bool> dryRun)
    {
        var prefix = new Option<string?>("--prefix")
        {
            Description = "Mail nickname prefix of unit groups / Tiền tố bí danh thư của nhóm đơn vị (dv-)",
        };
        var parent = new Option<string?>("--parent") { Description = "Parent code for groups that name none / Mã đơn vị cấp trên mặc định" };
        var url = new Option<string?>("--graph-url") { Description = "Microsoft Graph base URL (default: GraphSync:BaseUrl)" };
        var cmd = new Command("sync-groups", "Fill the unit directory from Entra groups / Cập nhật danh bạ đơn vị từ nhóm Entra")
        {
            tenant, state, provider, prefix, parent, url, dryRun,
        };
        cmd.SetAction((pr, ct) => UnitsCommand.WithStoreAsync(pr.GetValue(state), pr.GetValue(provider), async s =>
        {
            GraphServiceClient client;
            try { client = Client(pr.GetValue(url)); }
            catch (GraphSyncException e)
            {
                await Console.Error.WriteLineAsync($"units sync-groups: {e.Message}").ConfigureAwait(false);
                return 2;
            }
            return await SyncAsync(s, client, pr.GetValue(tenant)!, pr.GetValue(prefix), pr.GetValue(parent), pr.GetValue(dryRun), Console.Out, ct)
                .ConfigureAwait(false);
        }, ct));
        return cmd;
    }

    public static async Task<int> SyncAsync(IStateStore store, GraphServiceClient client, string tenantId, string? prefix, string? parent,
        bool dryRun, TextWriter output, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(output);
        IReadOnlyList<UnitGroup> groups;
        var lead = string.IsNullOrWhiteSpace(prefix) ? GraphUnitGroups.DefaultPrefix : prefix.Trim();
        try
        {
            groups = await new GraphUnitGroups(client, NullLogger<GraphUnitGroups>.Instance).ListAsync(lead, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is ODataError or HttpRequestException)
        {
            var detail = e is ODataError o ? $"{o.ResponseStatusCode} {o.Error?.Code}: {o.Error?.Message}" : e.Message;
            await output.WriteLineAsync($"Không đọc được nhóm từ Microsoft Graph (cần quyền Group.Read.All) / Cannot read the groups from "
                + $"Microsoft Graph (Group.Read.All is needed): {detail}").ConfigureAwait(false);
            return 1;
        }
        if (groups.Count == 0)
        {
            await output.WriteLineAsync($"Không có nhóm nào có bí danh thư bắt đầu bằng '{lead}': danh bạ giữ nguyên / "
                + $"No group's mail nickname starts with '{lead}': the directory is unchanged.").ConfigureAwait(false);
            return 1;
        }
        var sync = new UnitGroupSync(UnitStores.For(store), TimeProvider.System, NullLogger<UnitGroupSync>.Instance);
        var result = await sync.SyncAsync(tenantId, groups, parent, dryRun, ct).ConfigureAwait(false);
        await output.WriteLineAsync($"{result.Summary(false)} / {result.Summary(true)}{(dryRun ? " (--dry-run: chưa lưu / not stored)" : "")}")
            .ConfigureAwait(false);
        foreach (var u in result.Units.Where(u => result.AddedCodes.Contains(u.Code)))
            await output.WriteLineAsync($"  + {Line(u)}  (thêm / added)").ConfigureAwait(false);
        foreach (var u in result.Units.Where(u => result.UpdatedCodes.Contains(u.Code)))
            await output.WriteLineAsync($"  ~ {Line(u)}  (cập nhật / updated)").ConfigureAwait(false);
        foreach (var p in result.Problems)
            await output.WriteLineAsync($"  {(p.Kept ? "!" : "-")} {p.Text(false)} / {p.Text(true)}").ConfigureAwait(false);
        return result.Units.Count > 0 ? 0 : 1;
    }

    private static string Line(Unit u) =>
        $"{u.Code} {u.Name} [{UnitKinds.Label(u.Kind, false)}] ← {u.ParentCode ?? "-"}, {u.Head?.Upn ?? u.Head?.AadObjectId ?? "-"}";

    /// <summary>A Graph client over the SDK with the app-only credential of GraphSync:Auth (clear error when none is set).</summary>
    private static GraphServiceClient Client(string? baseUrl)
    {
        var o = new GraphSyncOptions();
        Cli.CliStateStore.Configuration().GetSection("GraphSync").Bind(o);
        var auth = GraphClientBuilder.CreateAuthProvider(GraphClientBuilder.CreateCredential(o.Auth));
        return GraphClientBuilder.Create(auth, baseUrl ?? o.BaseUrl, TimeProvider.System, NullLogger.Instance);
    }
}
