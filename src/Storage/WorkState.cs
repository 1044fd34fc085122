using TeamsPlans.Plans.Model;

namespace TeamsPlans.Storage;

public enum WorkState { Queued, InFlight, Done, Failed, Blocked }
