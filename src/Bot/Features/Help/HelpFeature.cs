namespace TeamsPlans.Bot.Features.Help;

/// <summary>"trợ giúp" / "help", and the answer to any text that is no command: the list of commands.</summary>
internal sealed class HelpFeature
{
    public Task<AdaptiveCard> HelpAsync(TurnState state, TextCommand command, CancellationToken ct) =>
        Task.FromResult(HelpCards.Help(command.Kind == CommandKind.Help ? null : command.Text, state.CanManage, state.View));
}
