using TeamsPlans.Plans.Units;

namespace TeamsPlans.Storage;

/// <summary>What a unit was called, what it was and where it sat until <see cref="ValidUntil"/> (a rename, a merger).</summary>
public sealed record UnitHistoryEntry(string TenantId, string Code, string Name, UnitKind Kind, string? ParentCode, DateTimeOffset ValidUntil);
