using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using TeamsPlans.Plans.Model;
using TeamsPlans.Plans.Rollup;

namespace TeamsPlans.Storage.Tests;

public sealed class ConfigurationTests : IAsyncLifetime
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "tp_cfg_" + Guid.NewGuid().ToString("N"));

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, true); } catch (IOException) { }
        return Task.CompletedTask;
    }

    [Fact]
    public async Task AddTeamsPlansStateStore_builds_the_configured_store_and_migrates_at_startup()
    {
        var path = Path.Combine(_dir, "data", "teamsplans.db");
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["State:Provider"] = "sqlite",
            ["State:ConnectionString"] = path,
            ["Tenants:Allowed:0"] = "tenant-1",
        });
        var time = new FakeTimeProvider(new DateTimeOffset(2024, 5, 1, 0, 0, 0, TimeSpan.Zero));
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddTeamsPlansStateStore(builder.Configuration);
        builder.Services.AddTeamsPlansStateStore(builder.Configuration); // a second registration (another module) adds nothing
        using var host = builder.Build();
        var sp = host.Services;
        Assert.Single(sp.GetServices<IHostedService>());
        await host.StartAsync();

        var store = sp.GetRequiredService<IStateStore>();
        Assert.Equal("sqlite", store.Provider);
        Assert.True(File.Exists(path));
        Assert.Same(store.Queue, sp.GetRequiredService<IWorkQueue>());
        Assert.Same(store.Plans, sp.GetRequiredService<IPlanStore>());
        Assert.NotNull(sp.GetRequiredService<RollupService>());

        // Migrated by the hosted service, and the store uses the registered TimeProvider.
        Assert.True(await store.Queue.EnqueueAsync("tenant-1", "delivery", "card", "k", "{}"));
        Assert.Equal(time.GetUtcNow(), (await store.Queue.GetAsync("tenant-1", "delivery", "k"))!.CreatedAt);
        await host.StopAsync();
    }

    [Fact]
    public void Options_are_read_from_the_State_section()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["State:Provider"] = "postgres",
            ["State:ConnectionString"] = "Host=db;Database=tp",
            ["State:MigrateOnStartup"] = "false",
        }).Build();
        var o = StateStoreFactory.ReadOptions(config);
        Assert.Equal("postgres", o.Provider);
        Assert.Equal("Host=db;Database=tp", o.ConnectionString);
        Assert.False(o.MigrateOnStartup);
        Assert.Equal("sqlite", StateStoreFactory.ReadOptions(new ConfigurationBuilder().Build()).Provider);
    }

    [Fact]
    public void Unknown_provider_and_missing_postgres_connection_string_are_clear_errors()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => StateStoreFactory.Create(new StateStoreOptions { Provider = "mysql" }, TimeProvider.System));
        Assert.Contains("sqlite", ex.Message);
        Assert.Contains("postgres", ex.Message);
        var pg = Assert.Throws<ArgumentException>(() => StateStoreFactory.Create(new StateStoreOptions { Provider = "postgres" }, TimeProvider.System));
        Assert.Contains("ConnectionString", pg.Message);
    }

    [Fact]
    public void Plan_numbers_normalize_whitespace_case_and_unicode_form()
    {
        Assert.Equal("82/KH-THPTBK", PlanNumbers.Normalize(" 82/kh-thpt  bk "));
        // "Đ" composed vs "D" + combining stroke? Vietnamese letters with marks: NFD and NFC spellings agree.
        Assert.Equal(PlanNumbers.Normalize("15/KH-SGDĐT-Ủ".Normalize(System.Text.NormalizationForm.FormD)), PlanNumbers.Normalize("15/kh-sgdđt-ủ"));
        Assert.Null(PlanNumbers.Normalize("  "));
        Assert.Null(PlanNumbers.Normalize(null));
    }

    [Fact]
    public void Rollup_occurrences_cover_yearly_semiannual_and_recurring_month_or_quarter_deadlines()
    {
        var doc = new PlanDocument
        {
            Deadlines =
            [
                new Deadline(DueDate.Yearly(2, 29), Recurrence.Yearly, "Nhuận", null, null),
                new Deadline(DueDate.Yearly(11, 30), Recurrence.Semiannual, "6 tháng", null, null),
                new Deadline(DueDate.InQuarter(2023, 4), Recurrence.Yearly, "Quý IV", null, null),
                new Deadline(DueDate.SchoolYearOf(2023), null, "Năm học", null, null),
            ],
        };
        Assert.Equal(["2023-02-28", "2023-05-30", "2023-11-30", "2023-12-31"], RollupService.Occurrences(doc, 2023).Select(o => o.PeriodKey).ToArray());
        Assert.Equal("2024-02-29", RollupService.Occurrences(doc, 2024)[0].PeriodKey);
    }
}
