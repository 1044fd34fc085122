using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using TeamsPlans.Bot.Conversation;
using TeamsPlans.Bot.Protocol;
using TeamsPlans.Bot.Tests.Conversation;
using TeamsPlans.Bot.Tests.Protocol;
using TeamsPlans.Storage;

namespace TeamsPlans.Bot.Tests.Security;

/// <summary>Issue 13 item 2: roles bind to object ids / UPNs; look-alike names get nothing; removed roles go at the next turn.</summary>
public sealed class RoleBindingAttackTests
{
    private static readonly TestUser LookAlike = new("aad-hung-2", "29:1hung2", "Ngô Tấn Hùng", "a:conv-hung2");
    private static readonly TestUser Folded = new("aad-hung-3", "29:1hung3", "NGO TAN HUNG", "a:conv-hung3");
    private static readonly TestUser Spaced = new("aad-hung-4", "29:1hung4", " Ngô Tấn Hưng", "a:conv-hung4");

    private static async Task<MemberRoles> RolesOf(BotHarness h, TestUser u)
        => (await h.Store.Members.GetAsync(BotHarness.Tenant, u.Aad))?.Roles ?? MemberRoles.None;

    [Fact]
    public async Task Local_mode_matches_a_configured_name_exactly_and_look_alikes_get_no_role()
    {
        await using var h = await BotHarness.StartAsync(new Dictionary<string, string> { ["Roles:Principals:0"] = "Ngô Tấn Hưng" });
        foreach (var u in new[] { BotHarness.Hung, LookAlike, Folded, Spaced })
            await h.SayAsync(u, "giúp");
        Assert.True((await RolesOf(h, BotHarness.Hung)).HasFlag(MemberRoles.Principal));
        foreach (var u in new[] { LookAlike, Folded, Spaced })
            Assert.Equal(MemberRoles.Member, await RolesOf(h, u));
    }

    [Fact]
    public async Task A_role_removed_from_configuration_is_removed_at_the_next_turn()
    {
        var db = Path.Combine(Directory.CreateTempSubdirectory("teamsplans-roles-").FullName, "state.db");
        await using (var h = await BotHarness.StartAsync(new Dictionary<string, string>
        {
            ["State:ConnectionString"] = db, ["Roles:Principals:0"] = BotHarness.Hung.Aad, ["Roles:Admins:0"] = BotHarness.Hung.Aad,
        }))
        {
            await h.SayAsync(BotHarness.Hung, "giúp");
            Assert.Equal(MemberRoles.Member | MemberRoles.Principal | MemberRoles.Admin, await RolesOf(h, BotHarness.Hung));
        }
        // Hưng is no longer a principal (still an admin); someone else is.
        await using (var h = await BotHarness.StartAsync(new Dictionary<string, string>
        {
            ["State:ConnectionString"] = db, ["Roles:Principals:0"] = BotHarness.Thanh.Aad, ["Roles:Admins:0"] = BotHarness.Hung.Aad,
        }))
        {
            Assert.True((await RolesOf(h, BotHarness.Hung)).HasFlag(MemberRoles.Principal)); // stored, until his next turn
            await h.SayAsync(BotHarness.Hung, "giúp");
            Assert.Equal(MemberRoles.Member | MemberRoles.Admin, await RolesOf(h, BotHarness.Hung));
        }
    }

    [Fact]
    public async Task A_display_name_in_role_configuration_stops_the_host_outside_local_mode()
    {
        using var factory = new BotAppFactory();
        using var app = factory.WithWebHostBuilder(b => b.UseSetting("Roles:Principals:0", "Ngô Tấn Hưng"));
        var e = Assert.ThrowsAny<Exception>(() => app.CreateClient());
        var text = e.ToString();
        Assert.Contains("Roles:Principals", text, StringComparison.Ordinal);
        Assert.Contains("Ngô Tấn Hưng", text, StringComparison.Ordinal);
        Assert.Contains("không nhận tên hiển thị", text, StringComparison.Ordinal);
        Assert.Contains("not display names", text, StringComparison.Ordinal);
    }

    private const string HungOid = "6f1c2a5e-8d3b-4c7a-9e1f-0a2b3c4d5e6f";

    private static ChannelAccount Account(string oid, string name, string? upn = null, string? email = null)
    {
        var props = new Dictionary<string, JsonElement>();
        if (upn is not null) props["userPrincipalName"] = JsonSerializer.SerializeToElement(upn);
        if (email is not null) props["email"] = JsonSerializer.SerializeToElement(email);
        return new ChannelAccount { Id = "29:" + oid, AadObjectId = oid, Name = name, Properties = props };
    }

    [Fact]
    public async Task Outside_local_mode_object_ids_match_as_ids_and_UPNs_case_insensitively_and_names_never()
    {
        using var factory = new BotAppFactory();
        using var app = factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("Roles:Principals:0", HungOid);
            b.UseSetting("Roles:Admins:0", "Hung.Ngo@BK.edu.vn");
        });
        using var _ = app.CreateClient();
        await app.Services.GetRequiredService<IStateStore>().MigrateAsync();
        var members = app.Services.GetRequiredService<MemberDirectory>();
        const string tenant = BotAppFactory.TenantId;

        var hung = await members.UpsertMemberAsync(tenant, Account(HungOid.ToUpperInvariant(), "Ngô Tấn Hưng", upn: "hung.ngo@bk.edu.vn"), null, default);
        Assert.Equal(MemberRoles.Member | MemberRoles.Principal | MemberRoles.Admin, hung.Roles);

        // Same display name, another person: nothing.
        var other = await members.UpsertMemberAsync(tenant, Account("0d9e8f7a-1111-4222-8333-444455556666", "Ngô Tấn Hưng"), null, default);
        Assert.Equal(MemberRoles.Member, other.Roles);
        // A look-alike UPN (diacritics are not folded, nor are other letters): nothing.
        var lookAlike = await members.UpsertMemberAsync(tenant, Account("0d9e8f7a-1111-4222-8333-444455557777", "x", upn: "hung.ng0@bk.edu.vn"), null, default);
        Assert.Equal(MemberRoles.Member, lookAlike.Roles);
        // The configured GUID as someone's UPN or name: nothing.
        var guidName = await members.UpsertMemberAsync(tenant, Account("0d9e8f7a-1111-4222-8333-444455558888", HungOid), null, default);
        Assert.Equal(MemberRoles.Member, guidName.Roles);
    }
}
