using TeamsPlans.Plans.Model;

namespace TeamsPlans.Plans.Rollup;

/// <summary>One concrete occurrence of a periodic deadline of the department plan within the roll-up year.</summary>
/// <param name="PeriodKey">
/// The report period key: the occurrence's due date as "yyyy-MM-dd" (see <see cref="RollupService.PeriodKey"/>).
/// </param>
public sealed record RollupOccurrence(DateOnly Due, string PeriodKey, string What, Recurrence? Recurrence);
