using Microsoft.Data.Sqlite;
using TeamsPlans.Storage;
using TeamsPlans.Testing;

namespace TeamsPlans.Bot.Tests.Units;

/// <summary>A migrated SQLite state store in a temporary folder, with one member per head of <see cref="UnitListFiles.Department"/>.</summary>
internal sealed class UnitDirectoryStore : IAsyncDisposable
{
    public const string Tenant = "tenant-so";
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "tp_units_" + Guid.NewGuid().ToString("N"));

    private UnitDirectoryStore(IStateStore store) => Store = store;

    public IStateStore Store { get; private set; }
    public string Folder => _dir;

    public static async Task<UnitDirectoryStore> CreateAsync(bool withHeads = true)
    {
        var s = new UnitDirectoryStore(null!);
        Directory.CreateDirectory(s._dir);
        s.Store = StateStoreFactory.Create(new StateStoreOptions { Provider = "sqlite", ConnectionString = Path.Combine(s._dir, "state.db") }, TimeProvider.System);
        await s.Store.MigrateAsync();
        if (withHeads)
            foreach (var row in UnitListFiles.Department())
                await s.Store.Members.UpsertAsync(new Member(Tenant, "aad-" + row[0].ToLowerInvariant(), "Thủ trưởng " + row[1], UnitListFiles.HeadUpn(row[0]), null, null, MemberRoles.Member, "vi-VN"));
        return s;
    }

    public string Write(string name, byte[] content)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
