using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Extensions.Logging.Abstractions;
using TeamsPlans.GraphSync.Tests.Fakes;
using TeamsPlans.Plans.Units;
using TeamsPlans.Storage;

namespace TeamsPlans.GraphSync.Tests;

/// <summary>
/// Graph mode's unit list source (issue #14): the refresh the polling round calls reads the tenant's unit groups (mail nickname "dv-…")
/// through the real SDK from the local Graph server into the unit directory, once a GraphSync:UnitGroupInterval.
/// </summary>
public sealed class UnitGroupRefreshTests : IAsyncDisposable
{
    const string Tenant = "tenant-so";
    readonly string _dir = Path.Combine(Path.GetTempPath(), "tp-unitgroups-" + Guid.NewGuid().ToString("N"));
    readonly TestClock _clock = new(new DateTimeOffset(2025, 8, 1, 1, 0, 0, TimeSpan.Zero));

    public async ValueTask DisposeAsync()
    {
        await Task.Yield();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task Graph_mode_fills_the_directory_from_the_unit_groups_once_a_day_and_a_rename_in_Entra_reaches_it()
    {
        await using var graph = await FakeGraphServer.StartAsync();
        var head = graph.AddUser("Nguyễn Văn Hiệu Trưởng");
        var school = graph.AddUnitGroup("Trường THPT Thử Nghiệm 7", "dv-thpt07", [head], [head], team: true);
        graph.AddUnitGroup("Phòng GD&ĐT Quận 1", "dv-pgd01", [head], []);
        Directory.CreateDirectory(_dir);
        await using var store = StateStoreFactory.Create(new StateStoreOptions { Provider = "sqlite", ConnectionString = Path.Combine(_dir, "s.db") }, _clock);
        await store.MigrateAsync();
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["GraphSync:Mode"] = "graph", ["GraphSync:BaseUrl"] = graph.BaseUrl, ["GraphSync:GroupId"] = "g-none", ["GraphSync:SiteId"] = "site-1",
            ["GraphSync:Tenants:0"] = Tenant, ["GraphSync:UnitGroupParent"] = "SGDDT",
        }).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<TimeProvider>(_clock).AddSingleton<IConfiguration>(config).AddSingleton(store);
        services.AddSingleton(GraphClientBuilder.Create(new BaseBearerTokenAuthenticationProvider(new StaticTokenProvider()), graph.BaseUrl, _clock,
            NullLogger.Instance));
        services.AddTeamsPlansGraphSync(config);
        await using var sp = services.BuildServiceProvider();
        var refresh = sp.GetRequiredService<UnitGroupRefresh>();
        var units = UnitStores.For(store);

        var first = await refresh.RefreshIfDueAsync(Tenant);
        Assert.Equal((2, 0), (first!.Added, first.Skipped));
        var thpt = (await units.GetAsync(Tenant, "THPT07"))!;
        Assert.Equal(("Trường THPT Thử Nghiệm 7", UnitKind.HighSchool, "SGDDT", school), (thpt.Name, thpt.Kind, thpt.ParentCode, thpt.GroupId));
        Assert.Equal(head, thpt.Head!.AadObjectId);
        Assert.Equal(UnitKind.DistrictOffice, (await units.GetAsync(Tenant, "PGD01"))!.Kind);

        // The school is renamed in Entra: not read again within the day, read the next day, the old name kept in the history.
        graph.Groups[school] = ("Trường THPT Thử Nghiệm Bảy", graph.Groups[school].Members);
        var requests = graph.Requests.Count;
        Assert.Null(await refresh.RefreshIfDueAsync(Tenant));
        Assert.Equal(requests, graph.Requests.Count);
        _clock.Advance(TimeSpan.FromDays(1));
        var next = await refresh.RefreshIfDueAsync(Tenant);
        Assert.Equal((0, 1, 1), (next!.Added, next.Updated, next.Unchanged));
        Assert.Equal("Trường THPT Thử Nghiệm Bảy", (await units.GetAsync(Tenant, "THPT07"))!.Name);
        Assert.Equal(["Trường THPT Thử Nghiệm 7"], (await units.HistoryAsync(Tenant, "THPT07")).Select(h => h.Name));
    }
}
