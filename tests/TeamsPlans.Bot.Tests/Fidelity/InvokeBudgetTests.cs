using System.Net;
using TeamsPlans.Bot.Tests.Conversation;
using static TeamsPlans.Bot.Tests.Conversation.BotHarness;

namespace TeamsPlans.Bot.Tests.Fidelity;

/// <summary>
/// Teams gives an invoke 10–15 s before the user sees "Unable to reach app": an invoke changes state and answers with the
/// card; it never waits on connector retries (each of which may wait up to a minute).
/// </summary>
public sealed class InvokeBudgetTests
{
    [Fact]
    public async Task A_message_sent_inside_an_invoke_is_tried_once_and_the_invoke_still_answers()
    {
        await using var h = await StartAsync();
        await Scenario.PublishAsync(h);
        var data = Scenario.ActionData(Scenario.AssignmentCardOf(h, Cuc), "openPlan");
        // The member's chat answers 503 (retryable): a retrying client would wait 1 s, 2 s, 4 s … inside the invoke.
        h.Connector.FailingConversations[Cuc.Conversation] = 503;
        h.Connector.Attempts.Clear();
        var invoke = h.InvokeAsync(Cuc, "openPlan", data);
        // The harness's clock is a fake one: move it on so that a retry waiting on it would come back (and be counted).
        for (var i = 0; i < 400 && !invoke.IsCompleted; i++)
        {
            await Task.Delay(10);
            h.Time.Advance(TimeSpan.FromSeconds(1));
        }
        var (status, body) = await invoke;
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.NotNull(body["statusCode"]);
        Assert.Equal(1, h.Connector.Attempts.GetValueOrDefault(Cuc.Conversation));
    }
}
