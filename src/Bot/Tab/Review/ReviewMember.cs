namespace TeamsPlans.Bot.Tab.Review;

/// <summary>A member of the tenant the reviewer may map an assignee to.</summary>
internal sealed record ReviewMember(string AadObjectId, string Name, string? JobTitle);
