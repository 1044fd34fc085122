namespace TeamsPlans.Storage;

public enum PlanStatus { Draft, Published, Archived }
