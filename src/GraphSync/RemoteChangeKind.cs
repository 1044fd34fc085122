namespace TeamsPlans.GraphSync;

public enum RemoteChangeKind { Progress, DueDate, Title, Assignees }
