using TeamsPlans.E2E.Tests.Harness;

namespace TeamsPlans.E2E.Tests;

public sealed class PlaygroundConfigTests
{
    [Fact]
    public void Repository_playground_config_is_the_default_roster()
    {
        var committed = File.ReadAllText(RepoPaths.PlaygroundConfig).ReplaceLineEndings("\n");
        Assert.Equal(PlaygroundRoster.Default.ToYaml(), committed);
    }

    [Fact]
    public void Switching_user_keeps_five_other_users_and_everyone()
    {
        var roster = PlaygroundRoster.Default.As(PlaygroundRoster.Thanh);
        Assert.Equal(PlaygroundRoster.Thanh, roster.CurrentUser);
        Assert.Equal(5, roster.Users.Count);
        Assert.Contains(PlaygroundRoster.Hung, roster.Users);
        Assert.Equal(PlaygroundRoster.Default.Everyone.OrderBy(u => u.Id), roster.Everyone.OrderBy(u => u.Id));
        Assert.Equal("personal-chat-thanh", roster.PersonalChatId);
    }
}
