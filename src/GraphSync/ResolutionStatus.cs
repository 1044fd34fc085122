namespace TeamsPlans.GraphSync;

public enum ResolutionStatus { Resolved, Unresolved, Ambiguous }
