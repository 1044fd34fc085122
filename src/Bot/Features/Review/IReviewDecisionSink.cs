namespace TeamsPlans.Bot.Features.Review;

/// <summary>Told after a report was accepted or returned and the decision recorded in the history (the board label follows).</summary>
internal interface IReviewDecisionSink
{
    /// <param name="assignment">The assignment as stored after the decision.</param>
    Task OnReviewDecidedAsync(AssignmentRecord assignment, bool accepted, CancellationToken ct);
}
