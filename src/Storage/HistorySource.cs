namespace TeamsPlans.Storage;

/// <summary>Where a change came from.</summary>
public enum HistorySource { Card, Chat, Planner, Cli, System, Tab }
