using System.Globalization;
using TeamsPlans.Bot.Cards;
using TeamsPlans.Bot.Protocol;
using TeamsPlans.Storage;
using TeamsPlans.Bot.Features.Assignments;

namespace TeamsPlans.Bot.Delivery;

/// <summary>The message of a delivery, built at send time from the current
/// state (assignment cards from <see cref="AssignmentCardFactory"/>).</summary>
internal static class DeliveryContent
{
    public static Activity AssignmentCard(StoredPlan plan, AssignmentRecord a, Member? member, string? userId, DateOnly today,
        IReadOnlyList<ReportSubmission>? reports = null)
    {
        var v = CardView.For(member?.PreferredLocale, today);
        var card = AssignmentCardFactory.ForAssignee(plan, a, member, v, RefreshIds(userId), reports);
        var summary = v.S == CardStrings.En ? $"New duty: {PlanCards.PlanTitle(plan)}" : $"Nhiệm vụ mới: {PlanCards.PlanTitle(plan)}";
        return card.ToMessage(summary);
    }

    public static Activity Reminder(StoredPlan plan, AssignmentRecord a, Member? member, string? userId, IReadOnlyList<ReportSubmission>? reports,
        string code, DateOnly dueDay, DateOnly today)
    {
        var v = CardView.For(member?.PreferredLocale, today);
        var card = AssignmentCardFactory.ForAssignee(plan, a, member, v, RefreshIds(userId), reports);
        var header = ReminderHeader(code, dueDay, today, v.S == CardStrings.En);
        card.Body.Insert(0, new TextBlock(header) { Weight = "bolder", Size = "medium", Color = code == "overdue" ? "attention" : "warning" });
        return card.ToMessage(header);
    }

    public static Activity Digest(string title, IReadOnlyList<string> lines, string? locale, DateOnly today)
    {
        var card = PlanCards.Notice(title, lines, CardView.For(locale, today), "attention");
        return card.ToMessage(title);
    }

    /// <summary>A card built before it was queued (<see cref="DeliveryKinds.Card"/>).</summary>
    public static Activity Prebuilt(string? cardJson, string? summary)
    {
        var message = Activity.CreateMessage(null);
        message.Summary = summary;
        message.Attachments = [new Attachment
        {
            ContentType = AdaptiveCard.ContentType,
            Content = System.Text.Json.Nodes.JsonNode.Parse(cardJson ?? "{}") as System.Text.Json.Nodes.JsonObject ?? [],
        }];
        return message;
    }

    internal static string ReminderHeader(string code, DateOnly dueDay, DateOnly today, bool en)
    {
        var date = DueFormat.Date(dueDay);
        // "Nhắc họ" on the status card: the member has not acknowledged yet; there may be no deadline at all.
        if (code == "manual")
            return en ? "🔔 Reminder: please acknowledge this assignment." : "🔔 Nhắc việc: bạn chưa xác nhận nhiệm vụ này, vui lòng xác nhận.";
        if (code == "overdue")
            return en ? $"⚠ Overdue: the deadline was {date}" : $"⚠ Đã quá hạn: hạn chót là {date}";
        var days = dueDay.DayNumber - today.DayNumber;
        if (days <= 0)
            return en ? $"⏰ Reminder: due {date}" : $"⏰ Nhắc việc: hạn chót {date}";
        return en
            ? string.Create(CultureInfo.InvariantCulture, $"⏰ Reminder: {days} day(s) left, due {date}")
            : string.Create(CultureInfo.InvariantCulture, $"⏰ Nhắc việc: còn {days} ngày, hạn chót {date}");
    }

    private static List<string>? RefreshIds(string? userId) =>
        userId is not null && userId.StartsWith("29:", StringComparison.Ordinal) ? [userId] : null;
}
