using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TeamsPlans.Bot.Conversation;
using TeamsPlans.Testing;

namespace TeamsPlans.Bot.Tests.Fidelity;

/// <summary>
/// The delivery queue's connector client keeps the budget the operator configured (Bot:Connector:MaxActivityBytes): a
/// tenant whose limit is lower than the default gets compact cards without first meeting 413 MessageSizeTooBig.
/// </summary>
[Collection("Delivery")]
public sealed class DeliveryBudgetTests
{
    [Fact]
    public async Task The_delivery_worker_budgets_activities_with_the_configured_Bot_Connector_MaxActivityBytes()
    {
        // A Teams limit well below the product's default budget (32 KB); the operator configured the same figure.
        const int limit = 2048;
        await using var f = await DeliveryFixture.CreateAsync(new FakeConnectorOptions { MaxActivityBytes = limit });
        await f.SeedAsync(2);
        using var host = f.BuildHost(new Dictionary<string, string?> { ["Bot:Connector:MaxActivityBytes"] = limit.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        await host.StartAsync();
        await host.Services.GetRequiredService<IAssignmentPublisher>().PublishAsync(DeliveryFixture.Tenant, DeliveryFixture.PlanId, CancellationToken.None);
        Assert.True(await DeliveryFixture.WaitUntilAsync(() => f.AllSettledAsync(2), TimeSpan.FromSeconds(30)));
        await host.StopAsync();

        // Both members got a card, and no request went over the limit: the client cut to the compact card before sending.
        Assert.Equal(2, f.Server.Posts.Count);
        Assert.Equal(0, f.Server.TooLarge);
        foreach (var post in f.Server.Posts)
        {
            Assert.True(post.Body.Length * 2 <= limit, $"{post.Body.Length * 2} UTF-16 bytes");
            var card = JsonNode.Parse(post.Body)!["attachments"]![0]!["content"]!;
            Assert.Equal("teamsplans-compact", card["id"]!.GetValue<string>());
        }
    }
}
