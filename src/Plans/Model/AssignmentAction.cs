namespace TeamsPlans.Plans.Model;

/// <summary>What a member can do to an assignment from a card or Planner.</summary>
public enum AssignmentAction { Acknowledge, Progress, Done }
