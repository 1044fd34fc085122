namespace TeamsPlans.Bot.Tab.Rollup;

/// <summary>One due item of a unit in a department plan: its implementing plan or one periodic report, with its due date
/// (dd/MM/yyyy), its state key and label, when it was handed in or issued, and the unit's plan when the cascade linked it.</summary>
public sealed record RollupItem(string What, string? Due, string State, string StateLabel, string? Done, string? LinkedPlan, string? LinkedUri);
