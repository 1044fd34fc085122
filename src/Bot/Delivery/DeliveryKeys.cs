using System.Globalization;

namespace TeamsPlans.Bot.Delivery;

/// <summary>
/// Idempotency keys of the delivery queue: (plan, assignment, member, kind, due date) for cards and reminders,
/// (head, day) for digests. Parts are percent-escaped, so a plan's keys share the prefix <see cref="PlanPrefix"/>.
/// </summary>
public static class DeliveryKeys
{
    private static string E(string? s) => Uri.EscapeDataString(s ?? "");

    public static string PlanPrefix(string planId) => $"p:{E(planId)}|";

    public static string Assignment(string planId, string assignmentId, string member) =>
        $"{PlanPrefix(planId)}a:{E(assignmentId)}|m:{E(member)}|k:{DeliveryKinds.Assignment}|d:-";

    public static string Reminder(string planId, string assignmentId, string member, string code, DateOnly dueDay) =>
        $"{PlanPrefix(planId)}a:{E(assignmentId)}|m:{E(member)}|k:{DeliveryKinds.Reminder}-{E(code)}|d:{Day(dueDay)}";

    public static string Digest(string headAadObjectId, DateOnly day) => $"digest|h:{E(headAadObjectId)}|d:{Day(day)}";

    public static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
