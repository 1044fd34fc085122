namespace TeamsPlans.Bot.Tab.Review;

/// <summary>A correction the review refuses, with the Vietnamese and English reason the page shows; <see cref="Status"/>
/// is the HTTP status (400 bad input, 409 the plan is no longer a draft).</summary>
internal sealed class ReviewException(string vi, string en, int status = 400) : Exception(vi + " / " + en)
{
    public string Vi { get; } = vi;
    public string En { get; } = en;
    public int Status { get; } = status;
}
