using TeamsPlans.Bot.Tests.Conversation;
using TeamsPlans.Bot.Tests.Protocol;
using static TeamsPlans.Bot.Tests.Tab.TabRollupSupport;
using static TeamsPlans.Bot.Tests.Tab.TabTestSupport;

namespace TeamsPlans.Bot.Tests.Tab;

/// <summary>The department roll-up in Entra mode: the officer's token of tenant-bk sees its schools; the same object id
/// signed in to another allowed tenant has no unit there (403), and an expired token is 401.</summary>
public sealed class TabRollupTokenTests : IAsyncLifetime
{
    private readonly TestSigningKey _key = new("tab-rollup-key");
    private BotHarness _h = null!;

    public async Task InitializeAsync() => _h = await TabRollupSupport.StartAsync(_key);
    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task The_officers_token_sees_the_schools_and_nothing_in_another_tenant()
    {
        var (status, page) = await GetAsync(_h, "/tab/api/rollup", Token(_key, Officer.Aad));
        Assert.Equal(200, status);
        Assert.Equal(3, page!["total"]!.GetValue<int>());
        Assert.Equal(403, (await GetAsync(_h, "/tab/api/rollup", Token(_key, Officer.Aad, tenant: OtherTenant))).Status);
        Assert.Equal(404, (await GetAsync(_h, "/tab/api/rollup/units/THCS01", Token(_key, SchoolHead.Aad))).Status);
        Assert.Equal(401, (await GetAsync(_h, "/tab/api/rollup", Token(_key, Officer.Aad, expiresIn: TimeSpan.FromMinutes(-10)))).Status);
    }
}
