using System.Text;

namespace TeamsPlans.E2E.Tests.Harness;

/// <summary>A person of the mock Teams tenant (Agents Playground config schema 0.1.1: User).</summary>
public sealed record PlaygroundUser(string Id, string Name, string Upn, string AadObjectId, string GivenName, string Surname, string Role);

/// <summary>
/// The mock tenant the Agents Playground presents (.m365agentsplayground.yml). The repository's file is the rendering of
/// <see cref="Default"/> (a test keeps them equal); tests render variants, e.g. with another person as the current user.
/// The schema wants exactly five "users" besides "currentUser".
/// </summary>
public sealed record PlaygroundRoster(string TenantId, string BotId, string BotName, PlaygroundUser CurrentUser, IReadOnlyList<PlaygroundUser> Users,
    string PersonalChatId, string GroupChatId, string GroupChatName, string TeamId, string TeamName, string TeamAadGroupId,
    string ChannelId, string ChannelName)
{
    public static readonly PlaygroundUser Hung = new("user-id-hung", "Ngô Tấn Hưng", "hung.nt@thpt-bk.edu.vn", "6f1d2c3b-0000-4000-8000-000000000001", "Hưng", "Ngô Tấn", "Hiệu trưởng");
    public static readonly PlaygroundUser Thanh = new("user-id-thanh", "Nguyễn Tất Thành", "thanh.nt@thpt-bk.edu.vn", "6f1d2c3b-0000-4000-8000-000000000002", "Thành", "Nguyễn Tất", "Phó hiệu trưởng");
    public static readonly PlaygroundUser Cuc = new("user-id-cuc", "Hồ Thị Thu Cúc", "cuc.htt@thpt-bk.edu.vn", "6f1d2c3b-0000-4000-8000-000000000003", "Cúc", "Hồ Thị Thu", "Phó hiệu trưởng");
    public static readonly PlaygroundUser Lan = new("user-id-lan", "Trần Thị Lan", "lan.tt@thpt-bk.edu.vn", "6f1d2c3b-0000-4000-8000-000000000004", "Lan", "Trần Thị", "Giáo viên");
    public static readonly PlaygroundUser Minh = new("user-id-minh", "Lê Văn Minh", "minh.lv@thpt-bk.edu.vn", "6f1d2c3b-0000-4000-8000-000000000005", "Minh", "Lê Văn", "Giáo viên");
    public static readonly PlaygroundUser Hoa = new("user-id-hoa", "Phạm Thị Hoa", "hoa.pt@thpt-bk.edu.vn", "6f1d2c3b-0000-4000-8000-000000000006", "Hoa", "Phạm Thị", "Giáo viên");

    public static PlaygroundRoster Default { get; } = new(
        TenantId: "7a1f0c2e-5b64-4c1d-9a8e-2d3b4c5d6e70",
        BotId: "00000000-0000-0000-0000-00000000b07", BotName: "TeamsPlans",
        CurrentUser: Hung, Users: [Thanh, Cuc, Lan, Minh, Hoa],
        PersonalChatId: "personal-chat-hung", GroupChatId: "group-chat-bgh", GroupChatName: "Ban giám hiệu",
        TeamId: "team-thpt-bk", TeamName: "THPT Bách Khoa", TeamAadGroupId: "6f1d2c3b-0000-4000-8000-0000000000a0",
        ChannelId: "channel-doi-ngoai", ChannelName: "Đối ngoại và hội nhập quốc tế");

    public IEnumerable<PlaygroundUser> Everyone => Users.Prepend(CurrentUser);

    /// <summary>The same tenant seen by <paramref name="user"/>: they become the current user (own personal chat), the others the users.</summary>
    public PlaygroundRoster As(PlaygroundUser user)
    {
        if (user == CurrentUser) return this;
        var others = Everyone.Where(u => u != user).ToList();
        return this with { CurrentUser = user, Users = others, PersonalChatId = "personal-chat-" + user.Id["user-id-".Length..] };
    }

    public string ToYaml()
    {
        var sb = new StringBuilder();
        sb.Append("# yaml-language-server: $schema=https://aka.ms/teams-app-test-tool-config/0.1.1/config.schema.json\n");
        sb.Append("# Microsoft 365 Agents Playground: mock Teams context for local runs and the E2E tests (tests/TeamsPlans.E2E.Tests).\n");
        sb.Append("# Generated from tests/TeamsPlans.E2E.Tests/Harness/PlaygroundRoster.cs (a test keeps this file equal to it).\n");
        sb.Append("# Trường THPT (mẫu) / sample school:\n");
        foreach (var u in Everyone) sb.Append($"#   {u.Name} — {u.Role}\n");
        sb.Append("# Roles of a local bot with no Roles:* configured (the playground schema has no job title; the bot reads these lines):\n");
        foreach (var u in Everyone.Where(u => u.Role is "Hiệu trưởng" or "Phó hiệu trưởng"))
            sb.Append($"# teamsplans-role: {(u.Role is "Hiệu trưởng" ? "principal" : "committee-head")} {u.AadObjectId} {u.Name}\n");
        sb.Append("version: \"0.1.1\"\n");
        sb.Append($"tenantId: {TenantId}\n");
        sb.Append($"bot:\n  id: {BotId}\n  name: {BotName}\n");
        sb.Append("currentUser:\n");
        AppendUser(sb, CurrentUser, "  ");
        sb.Append("users:\n");
        foreach (var u in Users) AppendUser(sb, u, "  - ", "    ");
        sb.Append($"personalChat:\n  id: {PersonalChatId}\n");
        sb.Append($"groupChat:\n  id: {GroupChatId}\n  name: {GroupChatName}\n");
        sb.Append($"team:\n  id: {TeamId}\n  name: {TeamName}\n  aadGroupId: {TeamAadGroupId}\n  channels:\n    - id: {ChannelId}\n      name: {ChannelName}\n");
        return sb.ToString();
    }

    private static void AppendUser(StringBuilder sb, PlaygroundUser u, string first, string? rest = null)
    {
        rest ??= first;
        sb.Append($"{first}id: {u.Id}\n");
        sb.Append($"{rest}name: {u.Name}\n");
        sb.Append($"{rest}userPrincipleName: {u.Upn}\n");
        sb.Append($"{rest}aadObjectId: {u.AadObjectId}\n");
        sb.Append($"{rest}givenName: {u.GivenName}\n");
        sb.Append($"{rest}surname: {u.Surname}\n");
        sb.Append($"{rest}email: {u.Upn}\n");
    }
}
