using TeamsPlans.Bot.Features.Assignments;

namespace TeamsPlans.Bot.Features.Reassign;

/// <summary>"Chuyển giao" on the assignment card: the member to pass it to (the tenant's members but the holder, at most
/// <see cref="MaxChoices"/>) and a note.</summary>
internal static class ReassignCards
{
    public const int MaxChoices = 100;

    public static ShowCardAction Action(AssignmentRecord a, IReadOnlyList<Member> members, CardView v)
    {
        var t = ReassignTexts.For(v);
        var choices = members.Where(m => !string.Equals(m.AadObjectId, a.MemberAadObjectId, StringComparison.OrdinalIgnoreCase))
            .OrderBy(m => m.DisplayName, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"), false))
            .Take(MaxChoices).Select(m => new Choice(m.DisplayName, m.AadObjectId)).ToList();
        return new ShowCardAction
        {
            Title = t.Button,
            Card = new AdaptiveCard
            {
                Schema = null, MsTeams = null,
                Body =
                [
                    new ChoiceSetInput { Id = CardVerbs.ReassignToInput, Label = t.To, Style = "compact", IsRequired = true, ErrorMessage = t.Choose,
                        Choices = choices },
                    new TextInput { Id = CardVerbs.ReassignNoteInput, Label = t.Note, IsMultiline = true, MaxLength = 500 },
                ],
                Actions = [PlanCards.Execute(t.Submit, CardVerbs.Reassign, AssignmentCards.AssignmentData(a), associatedInputs: "auto")],
            },
        };
    }
}
