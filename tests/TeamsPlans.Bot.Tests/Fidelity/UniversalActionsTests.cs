using TeamsPlans.Bot.Cards;
using TeamsPlans.Bot.Features.Assignments;
using TeamsPlans.Bot.Tests.Cards;

namespace TeamsPlans.Bot.Tests.Fidelity;

/// <summary>Universal Actions: refresh.userIds are Teams user MRIs ("29:…"), at most 60 (msteams-docs, "Work with Universal Actions").</summary>
public sealed class UniversalActionsTests
{
    [Fact]
    public void Refresh_user_ids_keep_only_Teams_ids_and_at_most_60_an_Entra_object_id_is_never_one()
    {
        var plan = CardSamples.Stored(CardSamples.Plan82(), "kh-82");
        var rec = CardSamples.Records(plan, "aad-cuc")[0];
        // A conversation opened by the bot knows the member only by Entra object id (GUID): that id is dropped.
        var ids = new List<string> { "8f1c2d3e-4b80-40eb-9bf0-6314491bc793" };
        ids.AddRange(Enumerable.Range(1, 70).Select(i => $"29:1user{i}"));
        var card = AssignmentCards.Assignment(plan, rec, "Hồ Thị Thu Cúc", CardView.For("vi-VN", CardSamples.Today), ids).ToJsonObject();
        var userIds = card["refresh"]!["userIds"]!.AsArray().Select(n => n!.GetValue<string>()).ToList();
        Assert.Equal(60, userIds.Count);
        Assert.All(userIds, id => Assert.StartsWith("29:", id, StringComparison.Ordinal));

        var onlyGuid = AssignmentCards.Assignment(plan, rec, "Hồ Thị Thu Cúc", CardView.For("vi-VN", CardSamples.Today), [ids[0]]).ToJsonObject();
        Assert.Null(onlyGuid["refresh"]);
    }
}
