using TeamsPlans.Bot.Hosting;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TeamsPlans.Bot.Cards;
using TeamsPlans.Bot.Tests.Conversation;
using TeamsPlans.GraphSync;
using TeamsPlans.GraphSync.Local;
using TeamsPlans.Storage;
using static TeamsPlans.Bot.Tests.Conversation.BotHarness;

namespace TeamsPlans.Bot.Tests.Sync;

/// <summary>
/// One library-path rule (issues 12 and 18): <see cref="LocalLibraryFolder"/> says where the local library is, every
/// user of it agrees, and a local bot serves the tenant the Agents Playground chats in: a plan dropped into that
/// tenant's "Kế hoạch" folder (the one the README names) is imported there and its preview reaches the principal.
/// </summary>
public sealed class LibraryFolderRuleTests
{
    private static string RepoFile(string name)
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, name)) && File.Exists(Path.Combine(d.FullName, "TeamsPlans.sln"))) return Path.Combine(d.FullName, name);
        throw new FileNotFoundException(name);
    }

    /// <summary>The roster's "tenantId:" line, read from the file itself.</summary>
    private static string RosterTenant() =>
        Regex.Match(File.ReadAllText(RepoFile(".m365agentsplayground.yml")), @"^tenantId:\s*(\S+)", RegexOptions.Multiline).Groups[1].Value;

    [Fact]
    public async Task A_plan_dropped_into_the_playground_tenants_folder_is_imported_there_and_previewed_to_the_principal_chatting_in_it()
    {
        var tenant = RosterTenant();
        Assert.Matches("^[0-9a-f-]{36}$", tenant);
        await using var h = await StartAsync(new Dictionary<string, string> { ["Roles:PlaygroundRoster"] = RepoFile(".m365agentsplayground.yml") });
        // Background work of the local bot: the Playground's tenant, not a "local" tenant nobody chats in.
        Assert.Equal(tenant, h.Services.GetRequiredService<TenantPolicy>().DefaultTenant);
        var poller = h.Services.GetRequiredService<GraphSyncPollingService>();
        Assert.Equal([tenant], poller.Tenants);

        await h.InstallAsync(Hung, tenant);
        await h.InstallAsync(Lan, tenant);
        var folder = h.Services.GetRequiredService<LocalLibraryFolder>();
        Assert.Equal(Path.Combine(h.LibraryDir, tenant, "Kế hoạch"), folder.PlanFolder(tenant));
        Directory.CreateDirectory(folder.PlanFolder(tenant));
        File.Copy(SeedPath("004"), Path.Combine(folder.PlanFolder(tenant), "kh-thu-thua.txt"));

        var (_, imported) = await poller.PollOnceAsync();

        Assert.Equal(1, imported);
        var plan = Assert.Single(await h.Store.Plans.ListAsync(tenant));
        Assert.Equal("/KH-PGDĐT", plan.Number);
        Assert.Empty(await h.Store.Plans.ListAsync(TenantPolicy.LocalTenant));
        var preview = h.Connector.CardsIn(Hung.Conversation).Last().ToJsonString(AdaptiveJson.Options);
        Assert.Contains("kh-thu-thua.txt", preview);
        Assert.Contains("\"verb\":\"publish\"", preview);
        Assert.DoesNotContain(h.Connector.CardsIn(Lan.Conversation), c => c.ToJsonString(AdaptiveJson.Options).Contains("kh-thu-thua.txt"));
        // The chat import and the reports library use the same folder.
        var library = Assert.IsType<LocalDocumentLibrary>(h.Services.GetRequiredService<IDocumentLibrary>());
        Assert.Equal(folder.Root, library.Folder.Root);
        var offered = h.Services.GetRequiredService<TeamsPlans.Bot.Features.Import.LocalPlanLibrary>().FindFiles("kh-thu-thua", tenant);
        Assert.Equal(Path.Combine(folder.PlanFolder(tenant), "kh-thu-thua.txt"), Assert.Single(offered));
    }

    [Fact]
    public void The_folder_is_relative_to_the_content_root_and_the_readme_names_it()
    {
        var contentRoot = Path.Combine(Path.GetTempPath(), "repo", "src", "Bot");
        IConfiguration Config(params (string Key, string Value)[] pairs) =>
            new ConfigurationBuilder().AddInMemoryCollection(pairs.Select(p => new KeyValuePair<string, string?>(p.Key, p.Value))).Build();

        var byDefault = LocalLibraryFolder.From(Config(), contentRoot);
        Assert.Equal(Path.Combine(contentRoot, "data", "library", "t1", "Kế hoạch"), byDefault.PlanFolder("t1"));
        Assert.Equal(Path.Combine(contentRoot, "data", "library", "t1", "Báo cáo"), byDefault.ReportFolder("t1"));
        Assert.Equal(Path.Combine(contentRoot, "lib"), LocalLibraryFolder.From(Config(("Library:Root", "lib")), contentRoot).Root);
        Assert.Equal(Path.Combine(contentRoot, "g"), LocalLibraryFolder.From(Config(("Library:Root", "lib"), ("GraphSync:LocalRoot", "g")), contentRoot).Root);

        var readme = File.ReadAllText(RepoFile("README.md"));
        Assert.Contains("a file dropped into\n`src/Bot/data/library/<tenant>/Kế hoạch` is imported", readme.Replace("\r\n", "\n"));
    }
}
