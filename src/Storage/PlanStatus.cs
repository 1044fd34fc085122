using TeamsPlans.Plans.Model;

namespace TeamsPlans.Storage;

public enum PlanStatus { Draft, Published, Archived }
