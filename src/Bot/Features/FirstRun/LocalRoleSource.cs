namespace TeamsPlans.Bot.Features.FirstRun;

/// <summary>Where a local bot's roles come from when none are configured: the roster's role lines, or the first member.</summary>
internal sealed record LocalRoleSource(string? RosterPath, string? TenantId, IReadOnlyList<RosterRole> Roles, bool FirstMemberIsPrincipal);
