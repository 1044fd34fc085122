namespace TeamsPlans.Bot.Delivery;

/// <summary>
/// Work done on each pass of the <see cref="ReminderScheduler"/> for a tenant, after its reminders and escalations (e.g. the
/// board labels that change when a deadline passes). Each pass decides for itself how often it acts (once a day, …).
/// </summary>
internal interface IPeriodicPass
{
    Task RunAsync(string tenantId, DateTimeOffset now, CancellationToken ct);
}
