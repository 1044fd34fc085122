namespace TeamsPlans.Plans.Model;

public enum AssignmentStatus { Assigned, Acknowledged, InProgress, Done }
