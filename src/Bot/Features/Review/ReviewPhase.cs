namespace TeamsPlans.Bot.Features.Review;

/// <summary>Where the latest report of an assignment stands: none handed in, awaiting review, returned, accepted.</summary>
internal enum ReviewPhase { None, Awaiting, Returned, Accepted }
