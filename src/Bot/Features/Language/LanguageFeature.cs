using TeamsPlans.Bot.Features.Help;

namespace TeamsPlans.Bot.Features.Language;

/// <summary>"tiếng việt" / "english" / "ngôn ngữ tự động": stores the member's card language and answers in it.</summary>
internal sealed class LanguageFeature(MemberDirectory directory)
{
    public async Task<AdaptiveCard> LanguageAsync(TurnState state, TextCommand command, CancellationToken ct)
    {
        if (state.Member is not { } member) return HelpCards.Help(command.Text, state.CanManage, state.View);
        if (command.Argument is not { } choice)
        {
            var t = LanguageTexts.For(state.View);
            return PlanCards.Notice(t.Title, [t.Current(member.Language, state.View), .. t.Options], state.View);
        }
        var updated = await directory.SetLanguageAsync(member, choice == "auto" ? null : choice, ct).ConfigureAwait(false);
        var view = TurnState.ViewOf(state.Activity, updated, state.View.Today);
        var texts = LanguageTexts.For(view);
        return PlanCards.Notice(texts.Changed, [texts.Current(updated.Language, view), .. texts.Options], view, "good");
    }
}
