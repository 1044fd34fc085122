namespace TeamsPlans.Bot.Delivery;

internal enum DeliveryOutcome { Sent, Skipped, Retried, Failed, Blocked, Released, LeaseLost, Waiting }
