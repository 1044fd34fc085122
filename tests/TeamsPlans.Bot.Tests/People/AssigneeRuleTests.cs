using System.Text;
using TeamsPlans.Bot.Cards;
using TeamsPlans.GraphSync;
using TeamsPlans.GraphSync.Local;
using TeamsPlans.Plans.Model;
using TeamsPlans.Storage;
using TeamsPlans.Bot.Tests.Conversation;
using static TeamsPlans.Bot.Tests.Conversation.BotHarness;

namespace TeamsPlans.Bot.Tests.People;

/// <summary>
/// Issue 18: one assignee rule for Teams and Planner. Plan 001 (82/KH-THPT BK) with its organization part addressed to
/// roles: "Hiệu trưởng" (one holder: Hưng), "Tổ trưởng chuyên môn" (two holders: Thành and Lan), and "Cô Hồ Thị Thu Cúc"
/// by name. Imported through /api/messages, the Teams side maps a1 → Hưng, leaves a2 to the picker, maps a3 → Cúc;
/// GraphSync's directory over the same members picks the same people (a2 ambiguous between Thành and Lan: Planner
/// assigns nobody).
/// GraphSync.Tests/AssigneeRuleTests checks the same document against the fake Graph server.
/// </summary>
public sealed class AssigneeRuleTests
{
    /// <summary>Seed 001 with the first two duties addressed to a role only (what the reader gives as the unit).</summary>
    public static string RoleVariant()
    {
        var text = File.ReadAllText(SeedPath("001"), Encoding.UTF8);
        text = text.Replace("- Thầy Ngô Tấn Hưng - Hiệu trưởng:", "- Hiệu trưởng:", StringComparison.Ordinal)
                   .Replace("- Thầy Nguyễn Tất Thành - Phó hiệu trưởng:", "- Tổ trưởng chuyên môn:", StringComparison.Ordinal);
        Assert.Contains("- Hiệu trưởng: nhà trường", text);
        Assert.Contains("- Tổ trưởng chuyên môn: tổ chức triển khai", text);
        return text;
    }

    /// <summary>The school's directory: name, job title, department (the same in GraphSync.Tests/AssigneeRuleTests).</summary>
    private static readonly (TestUser User, string Title, string Unit)[] Directory =
    [
        (Hung, "Hiệu trưởng", "Ban Giám hiệu"), (Cuc, "Phó hiệu trưởng", "Ban Giám hiệu"),
        (Thanh, "Tổ trưởng chuyên môn", "Tổ Toán"), (Lan, "Tổ trưởng chuyên môn", "Tổ Ngữ văn"),
    ];

    [Fact]
    public async Task Teams_and_the_directory_pick_the_same_people_sole_holder_assigned_several_holders_left_to_the_picker()
    {
        await using var h = await StartAsync();
        File.WriteAllText(Path.Combine(h.LibraryDir, "2023", "vai-tro.txt"), RoleVariant(), Encoding.UTF8);
        foreach (var u in new[] { Hung, Thanh, Lan, Cuc }) await h.InstallAsync(u);
        foreach (var (u, title, unit) in Directory)
        {
            var m = (await h.Store.Members.ListAsync(Tenant)).Single(x => x.AadObjectId == u.Aad);
            await h.Store.Members.UpsertAsync(m with { JobTitle = title, Department = unit });
        }

        await h.SayAsync(Hung, "nhập kế hoạch vai tro");
        var records = (await h.Store.Assignments.ListByPlanAsync(Tenant, Scenario.Plan82)).OrderBy(r => r.Ordinal).ToList();
        Assert.Equal(3, records.Count);
        Assert.Equal(new Assignee(null, null, "Hiệu trưởng"), records[0].Assignee with { Target = null });
        Assert.Equal(new Assignee(null, null, "Tổ trưởng chuyên môn"), records[1].Assignee with { Target = null });
        Assert.Equal(new string?[] { Hung.Aad, null, Cuc.Aad }, records.Select(r => r.MemberAadObjectId));
        // The preview offers the picker for the second duty only.
        var preview = Scenario.Json(h.Connector.CardsIn(Hung.Conversation).Last());
        Assert.Contains(CardVerbs.MapInputPrefix + Scenario.Plan82 + "-a2", preview);
        Assert.DoesNotContain(CardVerbs.MapInputPrefix + Scenario.Plan82 + "-a1\"", preview);

        // Planner's side: the same members through GraphSync's directory.
        var directory = new LocalDirectory(h.Store.Members);
        var planner = new List<AssigneeResolution>();
        foreach (var r in records) planner.Add(await directory.ResolveAsync(Tenant, r.Assignee));
        Assert.Equal(Hung.Aad, Assert.Single(planner[0].Users).Id);
        Assert.Equal(ResolutionStatus.Ambiguous, planner[1].Status);
        Assert.Empty(planner[1].Users);
        Assert.Equal(new[] { Lan.Aad, Thanh.Aad }.Order(), planner[1].Candidates.Select(c => c.Id).Order());
        Assert.Equal(Cuc.Aad, Assert.Single(planner[2].Users).Id);
        Assert.Equal(records.Select(r => r.MemberAadObjectId), planner.Select(p => p.Users.Count == 1 ? p.Users[0].Id : null));
    }
}
