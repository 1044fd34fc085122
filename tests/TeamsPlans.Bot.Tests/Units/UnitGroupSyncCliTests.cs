using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions.Authentication;
using TeamsPlans.Bot.Features.Units;
using TeamsPlans.GraphSync;
using TeamsPlans.GraphSync.Tests.Fakes;
using TeamsPlans.Plans.Units;
using TeamsPlans.Storage;
using TeamsPlans.Testing;
using static TeamsPlans.Bot.Tests.Units.UnitDirectoryStore;

namespace TeamsPlans.Bot.Tests.Units;

/// <summary>
/// `units sync-groups` (admin CLI): the unit groups / teams of Entra ID, read through the real Microsoft.Graph SDK from the
/// local Graph-behaving server (paged: two objects a page), fill and update the unit directory the .xlsx lists fill.
/// </summary>
public sealed class UnitGroupSyncCliTests
{
    private sealed class Token : IAccessTokenProvider
    {
        public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? context = null, CancellationToken ct = default) =>
            Task.FromResult("test-token");
        public AllowedHostsValidator AllowedHostsValidator { get; } = new();
    }

    private static GraphServiceClient Client(FakeGraphServer server, IAuthenticationProvider? auth = null) =>
        GraphClientBuilder.Create(auth ?? new BaseBearerTokenAuthenticationProvider(new Token()), server.BaseUrl, TimeProvider.System,
            NullLogger.Instance);

    [Fact]
    public async Task Groups_add_and_update_units_skip_the_ones_without_a_kind_or_with_a_taken_code_and_a_second_run_changes_nothing()
    {
        await using var d = await CreateAsync();
        // The directory already has the Sở and THPT 1 from the department's list.
        var list = UnitListFiles.Department().Where(r => r[0] is "SGDDT" or "THPT01").ToList();
        Assert.Equal(0, await UnitsCommand.ImportAsync(d.Store, Tenant, new FileInfo(d.Write("don-vi.xlsx", UnitListFiles.Xlsx(UnitListFiles.Sheet(list)))),
            dryRun: false, TextWriter.Null, default));
        await using var graph = await FakeGraphServer.StartAsync();
        graph.PageSize = 2;
        var principal = graph.AddUser("Nguyễn Thị Hiệu Trưởng");
        var clerk = graph.AddUser("Lê Văn Thư");
        var teacher = graph.AddUser("Trần Giáo Viên");
        var head99 = graph.AddUser("Phạm Hiệu Trưởng THCS");
        var toTruong = graph.AddUser("Võ Tổ Trưởng");
        graph.AddUnitGroup("Trường THPT Thử Nghiệm 1", "dv-thpt01", [principal, clerk], [principal, clerk, teacher], team: true);
        graph.AddUnitGroup("Trường THCS Thử Nghiệm 99", "dv-thcs99", [head99], [head99], description: "Cấp trên: PGD01");
        graph.AddUnitGroup("Tổ Toán", "dv-to-toan", [toTruong], [toTruong, teacher], team: true, description: "Cap tren: THPT01");
        graph.AddUnitGroup("Ban đại diện cha mẹ học sinh", "dv-bddcmhs", [principal], []);
        graph.AddUnitGroup("Trường THPT Thử Nghiệm 1 (nhóm cũ)", "DV-THPT01", [teacher], []);
        graph.AddUnitGroup("Trung tâm GDNN-GDTX Thử Nghiệm 9", "dv-gdtx9", [], [teacher]);
        graph.AddGroup("Giáo viên toàn trường", principal, teacher); // not a unit group: no "dv-" nickname
        var output = new StringWriter();

        Assert.Equal(0, await UnitGroupsCommand.SyncAsync(d.Store, Client(graph), Tenant, prefix: null, parent: "SGDDT", dryRun: false, output, default));

        var text = output.ToString();
        Assert.Contains("Đọc được 4/6 nhóm đơn vị: thêm 3, cập nhật 1, giữ nguyên 0, bỏ qua 2", text);
        Assert.Contains("4 of 6 unit groups read: 3 added, 1 updated, 0 unchanged, 2 skipped", text);
        Assert.Contains("~ THPT01 Trường THPT Thử Nghiệm 1", text);
        Assert.Contains("+ THCS99 Trường THCS Thử Nghiệm 99 [Trường THCS] ← PGD01", text);
        Assert.Contains("+ TO-TOAN Tổ Toán [Tổ chuyên môn] ← THPT01", text);
        Assert.Contains("+ GDTX9 Trung tâm GDNN-GDTX Thử Nghiệm 9 [TT GDTX] ← SGDDT", text);
        Assert.Contains("Nhóm \"Ban đại diện cha mẹ học sinh\" (BDDCMHS): không rõ loại đơn vị", text);
        Assert.Contains("Group \"Ban đại diện cha mẹ học sinh\" (BDDCMHS): the unit kind is unknown", text);
        Assert.Contains("Nhóm \"Trường THPT Thử Nghiệm 1 (nhóm cũ)\" (THPT01): mã 'THPT01' trùng với một nhóm khác (bỏ qua).", text);
        Assert.Contains("! Nhóm \"Trung tâm GDNN-GDTX Thử Nghiệm 9\" (GDTX9): nhóm không có chủ sở hữu", text);
        Assert.DoesNotContain("Giáo viên toàn trường", text);

        var units = UnitStores.For(d.Store);
        Assert.Equal(["GDTX9", "SGDDT", "THCS99", "THPT01", "TO-TOAN"], (await units.ListAsync(Tenant)).Select(u => u.Code));
        // THPT 1 keeps its kind and parent from the list; its group's owners are now its head and contact, the teacher is not.
        var school = (await units.GetAsync(Tenant, "THPT01"))!;
        Assert.Equal((UnitKind.HighSchool, "SGDDT"), (school.Kind, school.ParentCode));
        Assert.Equal(new UnitContact(principal, principal[..5] + "@school.edu.vn"), school.Head);
        Assert.Equal([clerk], school.Contacts.Select(c => c.AadObjectId));
        Assert.NotNull(school.GroupId);
        Assert.Null((await units.GetAsync(Tenant, "GDTX9"))!.Head);
        Assert.Equal(["TO-TOAN"], (await units.ListUnderAsync(Tenant, "THPT01", [UnitKind.SubjectGroup])).Select(u => u.Code));
        // Groups and members were read page by page (nextLink), not cut at the first page.
        Assert.Contains(graph.Requests, r => r.Path.Contains("/members", StringComparison.Ordinal) && r.Path.Contains("skiptoken", StringComparison.Ordinal));

        var again = new StringWriter();
        Assert.Equal(0, await UnitGroupsCommand.SyncAsync(d.Store, Client(graph), Tenant, "dv-", "SGDDT", dryRun: false, again, default));
        Assert.Contains("Đọc được 4/6 nhóm đơn vị: thêm 0, cập nhật 0, giữ nguyên 4, bỏ qua 2", again.ToString());
    }

    [Fact]
    public async Task A_dry_run_stores_nothing_and_a_refused_or_empty_read_says_so_and_changes_nothing()
    {
        await using var d = await CreateAsync();
        await using var graph = await FakeGraphServer.StartAsync();
        var head = graph.AddUser("Nguyễn Văn Hiệu Trưởng");
        graph.AddUnitGroup("Trường THPT Thử Nghiệm 2", "dv-thpt02", [head], [head]);
        var units = UnitStores.For(d.Store);

        var dry = new StringWriter();
        Assert.Equal(0, await UnitGroupsCommand.SyncAsync(d.Store, Client(graph), Tenant, null, "SGDDT", dryRun: true, dry, default));
        Assert.Contains("thêm 1, cập nhật 0, giữ nguyên 0, bỏ qua 0", dry.ToString());
        Assert.Contains("(--dry-run: chưa lưu / not stored)", dry.ToString());
        Assert.Empty(await units.ListAsync(Tenant));

        // Without a token Graph answers 401: the admin is told, nothing is stored.
        var refused = new StringWriter();
        Assert.Equal(1, await UnitGroupsCommand.SyncAsync(d.Store, Client(graph, new AnonymousAuthenticationProvider()), Tenant, null, null, false, refused, default));
        Assert.Contains("Không đọc được nhóm từ Microsoft Graph (cần quyền Group.Read.All)", refused.ToString());
        Assert.Contains("401 InvalidAuthenticationToken", refused.ToString());

        var none = new StringWriter();
        Assert.Equal(1, await UnitGroupsCommand.SyncAsync(d.Store, Client(graph), Tenant, "khong-co-", null, false, none, default));
        Assert.Contains("Không có nhóm nào có bí danh thư bắt đầu bằng 'khong-co-': danh bạ giữ nguyên", none.ToString());
        Assert.Empty(await units.ListAsync(Tenant));
    }
}
