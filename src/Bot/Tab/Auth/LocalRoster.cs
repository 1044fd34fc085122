namespace TeamsPlans.Bot.Tab.Auth;

/// <summary>
/// The Playground roster (.m365agentsplayground.yml): its tenantId, currentUser and users. Read with a line reader that
/// knows only the keys the file uses (tenantId, name, aadObjectId, email); a missing or unreadable file is an empty roster.
/// </summary>
internal sealed class LocalRoster
{
    public LocalRoster(string tenantId, IReadOnlyList<LocalUser> users)
    {
        TenantId = tenantId;
        Users = users;
    }

    public string TenantId { get; }
    public IReadOnlyList<LocalUser> Users { get; }

    public LocalUser? Find(string? aadObjectId) =>
        aadObjectId is null ? null : Users.FirstOrDefault(u => string.Equals(u.AadObjectId, aadObjectId, StringComparison.Ordinal));

    public static LocalRoster Load(string? path)
    {
        if (path is null || !File.Exists(path)) return new LocalRoster("", []);
        string tenant = "";
        var users = new List<LocalUser>();
        string? name = null, aad = null, email = null;
        void Flush()
        {
            if (aad is not null) users.Add(new LocalUser(aad, name ?? aad, email));
            name = aad = email = null;
        }
        foreach (var raw in File.ReadLines(path))
        {
            var line = raw.Trim();
            if (line.StartsWith('#') || !line.Contains(':', StringComparison.Ordinal)) continue;
            var startsItem = line.StartsWith("- ", StringComparison.Ordinal);
            if (startsItem || line.StartsWith("currentUser:", StringComparison.Ordinal) || line.StartsWith("users:", StringComparison.Ordinal)
                || line.StartsWith("bot:", StringComparison.Ordinal)) Flush();
            if (startsItem) line = line[2..].Trim();
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var key = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim().Trim('"');
            switch (key)
            {
                case "tenantId": tenant = value; break;
                case "name": name = value; break;
                case "aadObjectId": aad = value; break;
                case "email": email = value; break;
            }
        }
        Flush();
        return new LocalRoster(tenant, users);
    }

    /// <summary>The configured file, else .m365agentsplayground.yml in <paramref name="root"/> or the nearest parent that has one.</summary>
    public static string? Locate(string? configured, string root)
    {
        if (!string.IsNullOrWhiteSpace(configured)) return configured;
        for (var dir = new DirectoryInfo(root); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, ".m365agentsplayground.yml");
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }
}
