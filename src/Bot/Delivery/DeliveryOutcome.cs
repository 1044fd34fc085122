namespace TeamsPlans.Bot.Delivery;

public enum DeliveryOutcome { Sent, Skipped, Retried, Failed, Blocked, Released, LeaseLost, Waiting }
