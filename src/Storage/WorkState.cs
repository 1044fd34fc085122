namespace TeamsPlans.Storage;

public enum WorkState { Queued, InFlight, Done, Failed, Blocked }
