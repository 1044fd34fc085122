using TeamsPlans.Storage;

namespace TeamsPlans.Bot.Features.FirstRun;

/// <summary>A role line of the Playground roster: the role, the person's Entra object id (or UPN) and their name.</summary>
internal sealed record RosterRole(MemberRoles Role, string Id, string Name);
