using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TeamsPlans.GraphSync.Graph;
using TeamsPlans.GraphSync.Local;
using TeamsPlans.GraphSync.Tests.Fakes;
using TeamsPlans.Storage;

namespace TeamsPlans.GraphSync.Tests;

/// <summary>AddTeamsPlansGraphSync: the embedded/Graph choice is configuration; one polling round drives the host hooks.</summary>
public sealed class HostingTests : IDisposable
{
    readonly string _root = Path.Combine(Path.GetTempPath(), "tp-host-" + Guid.NewGuid().ToString("N"));
    readonly TestClock _clock = new(new DateTimeOffset(2024, 3, 1, 1, 0, 0, TimeSpan.Zero));
    const string Tenant = "tenant-a";

    public void Dispose() { if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true); }

    sealed class RecordingSink : IRemoteChangeSink, IPlanDocumentImporter
    {
        public List<RemoteChange> Changes { get; } = [];
        public List<(string Name, string Text)> Imported { get; } = [];
        public Task OnRemoteChangesAsync(string tenantId, IReadOnlyList<RemoteChange> changes, CancellationToken ct) { Changes.AddRange(changes); return Task.CompletedTask; }
        public async Task ImportAsync(string tenantId, LibraryFile file, Stream content, CancellationToken ct)
        {
            using var r = new StreamReader(content);
            Imported.Add((file.Name, await r.ReadToEndAsync(ct)));
        }
    }

    ServiceProvider Build(Dictionary<string, string?> settings, InMemoryStores? stores = null, RecordingSink? sink = null)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(_clock);
        services.AddSingleton<IConfiguration>(config);
        stores ??= new InMemoryStores(_clock);
        services.AddSingleton<ISyncStateStore>(stores);
        services.AddSingleton<IWorkQueue>(stores);
        services.AddSingleton<IMemberStore>(stores);
        if (sink is not null)
        {
            services.AddSingleton<IRemoteChangeSink>(sink);
            services.AddSingleton<IPlanDocumentImporter>(sink);
        }
        services.AddTeamsPlansGraphSync(config);
        return services.BuildServiceProvider();
    }

    [Fact]
    public void The_mode_setting_chooses_the_embedded_or_the_Graph_implementations()
    {
        using (var local = Build(new() { ["GraphSync:Mode"] = "local", ["GraphSync:LocalRoot"] = _root }))
        {
            Assert.IsType<LocalTaskBoard>(local.GetRequiredService<ITaskBoard>());
            Assert.IsType<LocalDocumentLibrary>(local.GetRequiredService<IDocumentLibrary>());
            Assert.IsType<LocalDirectory>(local.GetRequiredService<IDirectory>());
            Assert.NotNull(local.GetRequiredService<PlannerSyncService>());
        }
        using (var byDefault = Build(new()))
            Assert.IsType<LocalTaskBoard>(byDefault.GetRequiredService<ITaskBoard>());
        using (var graph = Build(new()
        {
            ["GraphSync:Mode"] = "Graph", ["GraphSync:GroupId"] = "g", ["GraphSync:SiteId"] = "s",
            ["GraphSync:Auth:TenantId"] = "t", ["GraphSync:Auth:ClientId"] = "c", ["GraphSync:Auth:ClientSecret"] = "x",
        }))
        {
            Assert.IsType<GraphTaskBoard>(graph.GetRequiredService<ITaskBoard>());
            Assert.IsType<GraphDocumentLibrary>(graph.GetRequiredService<IDocumentLibrary>());
            Assert.IsType<GraphDirectory>(graph.GetRequiredService<IDirectory>());
        }
        using (var noCredential = Build(new() { ["GraphSync:Mode"] = "graph" }))
            Assert.Equal("auth.tenant", Assert.Throws<GraphSyncException>(() => noCredential.GetRequiredService<ITaskBoard>()).Code);
        var bad = Assert.Throws<GraphSyncException>(() => Build(new() { ["GraphSync:Mode"] = "sharepoint" }));
        Assert.Equal("config.mode", bad.Code);
        Assert.Contains("không hợp lệ", bad.MessageVi);
    }

    [Fact]
    public async Task A_polling_round_hands_board_edits_to_the_card_sink_and_dropped_documents_to_the_importer()
    {
        var stores = new InMemoryStores(_clock);
        var sink = new RecordingSink();
        await using var sp = Build(new() { ["GraphSync:Mode"] = "local", ["GraphSync:LocalRoot"] = _root, ["GraphSync:Tenants:0"] = Tenant }, stores, sink);
        await ((IMemberStore)stores).UpsertAsync(new Member(Tenant, "m1", "Trần Thị Lan", null, "Chánh Văn phòng", "Văn phòng Sở", MemberRoles.Member, "vi"));
        var sync = sp.GetRequiredService<PlannerSyncService>();
        var plan = await Seed002.ReadAsync();
        var records = PlanTaskBuilder.RecordsFor(Tenant, "p002", plan, _clock.GetUtcNow());
        await sync.SyncPlanAsync(Tenant, "p002", plan, records, null);
        var poller = sp.GetRequiredService<GraphSyncPollingService>();
        Assert.Equal((0, 0), await poller.PollOnceAsync());

        // Someone re-dates NV02 to 20/05/2024 and completes NV01 on the board.
        var board = (LocalTaskBoard)sp.GetRequiredService<ITaskBoard>();
        var b = await board.EnsureBoardAsync(Tenant, "p002", "");
        var rows = await board.ListRowsAsync(b);
        await board.EditAsync(b, rows.Single(r => r.Title.StartsWith("[NV02]", StringComparison.Ordinal)).Id, r => r with { DueAt = PlannerDueDates.StartOfDay(new DateOnly(2024, 5, 20)) });
        await board.EditAsync(b, rows.Single(r => r.Title.StartsWith("[NV01]", StringComparison.Ordinal)).Id, r => r with { PercentComplete = 100 });
        // And a plan document is dropped into the plan library folder.
        var folder = Path.Combine(_root, Tenant, "Kế hoạch");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "Kế hoạch 45.txt"), "KẾ HOẠCH 45", Encoding.UTF8);

        Assert.Equal((2, 1), await poller.PollOnceAsync());
        var due = Assert.Single(sink.Changes, c => c.Kind == RemoteChangeKind.DueDate);
        Assert.Equal(("p002:a2", new DateOnly(2024, 5, 20)), (due.AssignmentId, PlannerDueDates.ToVietnamDay(due.DueAt!.Value)));
        var done = Assert.Single(sink.Changes, c => c.Kind == RemoteChangeKind.Progress);
        Assert.Equal(("p002:a1", 100), (done.AssignmentId, done.PercentComplete));
        Assert.Equal([("Kế hoạch 45.txt", "KẾ HOẠCH 45")], sink.Imported);

        Assert.Equal((0, 0), await poller.PollOnceAsync()); // each change and document once
    }
}
