using Microsoft.Extensions.DependencyInjection;
using TeamsPlans.Bot.Features.FirstRun;
using TeamsPlans.Storage;
using static TeamsPlans.Bot.Tests.Conversation.BotHarness;
using static TeamsPlans.Bot.Tests.Conversation.Scenario;

namespace TeamsPlans.Bot.Tests.Conversation;

/// <summary>
/// A local bot with no Roles:* configured (issue #12, first hour): the roles come from the Playground roster's
/// "# teamsplans-role:" lines, else the first member is principal; a refusal says how to get the role.
/// </summary>
public sealed class FirstRunRolesTests
{
    private static Dictionary<string, string> NoRoles(string roster) => new()
    {
        ["Roles:Principals:0"] = "",
        ["Roles:PlaygroundRoster"] = roster,
    };

    private static string RosterFile(string body)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("teamsplans-roster-").FullName, ".m365agentsplayground.yml");
        File.WriteAllText(path, "version: \"0.1.1\"\ntenantId: " + Tenant + "\n" + body);
        return path;
    }

    [Fact]
    public void The_repository_roster_names_the_principal_and_the_committee_heads()
    {
        var yaml = File.ReadAllText(Path.Combine(TeamsPlans.Bot.Tests.Cli.ReadmeCommandTests.RepositoryRoot(), PlaygroundRoleFile.FileName));
        // Read from the file's comments: Ngô Tấn Hưng — Hiệu trưởng; Nguyễn Tất Thành, Hồ Thị Thu Cúc — Phó hiệu trưởng.
        Assert.Equal(
            [(MemberRoles.Principal, "6f1d2c3b-0000-4000-8000-000000000001", "Ngô Tấn Hưng"),
             (MemberRoles.CommitteeHead, "6f1d2c3b-0000-4000-8000-000000000002", "Nguyễn Tất Thành"),
             (MemberRoles.CommitteeHead, "6f1d2c3b-0000-4000-8000-000000000003", "Hồ Thị Thu Cúc")],
            PlaygroundRoleFile.Roles(yaml).Select(r => (r.Role, r.Id, r.Name)));
        Assert.Equal("7a1f0c2e-5b64-4c1d-9a8e-2d3b4c5d6e70", PlaygroundRoleFile.TenantId(yaml));
    }

    [Fact]
    public async Task Roster_role_lines_make_the_principal_and_others_are_told_how_to_get_the_role()
    {
        var roster = RosterFile($"# teamsplans-role: principal {Hung.Aad} {Hung.Name}\n# teamsplans-role: committee-head {Thanh.Aad} {Thanh.Name}\n");
        await using var h = await StartAsync(NoRoles(roster));
        await h.SayAsync(Lan, "nhập kế hoạch");
        var refusal = Json(h.Connector.CardsIn(Lan.Conversation).Last());
        Assert.Contains("Chỉ Ban giám hiệu", refusal);
        Assert.Contains("Roles:Principals", refusal);
        Assert.Contains("# teamsplans-role: principal", refusal);

        await h.SayAsync(Hung, "nhập kế hoạch");
        Assert.DoesNotContain("Chỉ Ban giám hiệu", Json(h.Connector.CardsIn(Hung.Conversation).Last()));
        Assert.True((await h.Store.Members.GetAsync(Tenant, Hung.Aad, default))!.Roles.HasFlag(MemberRoles.Principal));
        await h.SayAsync(Thanh, "tình hình");
        Assert.True((await h.Store.Members.GetAsync(Tenant, Thanh.Aad, default))!.Roles.HasFlag(MemberRoles.CommitteeHead));
        Assert.False((await h.Store.Members.GetAsync(Tenant, Lan.Aad, default))!.Roles.HasFlag(MemberRoles.Principal));
    }

    [Fact]
    public async Task Without_role_lines_the_first_member_who_installs_the_bot_is_principal()
    {
        await using var h = await StartAsync(NoRoles(RosterFile("# no role lines\n")));
        await h.InstallAsync(Lan);
        await h.InstallAsync(Hung);
        Assert.True((await h.Store.Members.GetAsync(Tenant, Lan.Aad, default))!.Roles.HasFlag(MemberRoles.Principal));
        Assert.False((await h.Store.Members.GetAsync(Tenant, Hung.Aad, default))!.Roles.HasFlag(MemberRoles.Principal));
        await h.SayAsync(Lan, "nhập kế hoạch");
        Assert.DoesNotContain("Chỉ Ban giám hiệu", Json(h.Connector.CardsIn(Lan.Conversation).Last()));
    }

    [Fact]
    public async Task Configured_roles_win_over_the_roster()
    {
        var roster = RosterFile($"# teamsplans-role: principal {Lan.Aad} {Lan.Name}\n");
        await using var h = await StartAsync(new Dictionary<string, string> { ["Roles:PlaygroundRoster"] = roster });
        await h.SayAsync(Lan, "nhập kế hoạch");
        Assert.Contains("Chỉ Ban giám hiệu", Json(h.Connector.CardsIn(Lan.Conversation).Last()));
    }

    [Fact]
    public async Task The_start_up_console_names_the_principal_the_library_folder_and_the_next_step()
    {
        var logs = new TeamsPlans.Bot.Tests.Ship.CapturingLoggerProvider();
        var roster = RosterFile($"# teamsplans-role: principal {Hung.Aad} {Hung.Name}\n");
        await using var h = await StartAsync(NoRoles(roster), s => s.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(logs));
        var banner = logs.Records.Where(r => r.Category == FirstRunBanner.LogCategory).Select(r => r.Message).ToList();
        Assert.Equal(2, banner.Count);
        Assert.Contains($"Hiệu trưởng: {Hung.Name} (theo {roster})", banner[0]);
        Assert.Contains(Path.Combine(h.LibraryDir, Tenant, "Kế hoạch"), banner[0]);
        Assert.Contains("mở http://127.0.0.1:56150, gõ trợ giúp", banner[0]);
        Assert.Contains($"principal: {Hung.Name}", banner[1]);

        logs.Records.Clear();
        await using var first = await StartAsync(NoRoles(RosterFile("")), s => s.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(logs));
        Assert.Contains(logs.Records, r => r.Category == FirstRunBanner.LogCategory && r.Message.Contains("người đầu tiên nhắn cho bot", StringComparison.Ordinal));
    }
}
