namespace TeamsPlans.Bot.Tab.Auth;

/// <summary>One user of the local roster (Agents Playground file).</summary>
internal sealed record LocalUser(string AadObjectId, string Name, string? Email);
