using TeamsPlans.Plans.Units;

namespace TeamsPlans.Bot.Features.Review;

/// <summary>
/// How the roll-ups show a report handed in but not accepted (issue 15: counting follows acceptance): "chờ duyệt" (and
/// "quá hạn" once the due day has passed) in the warning colour, counted as not finished (in or over the deadline).
/// </summary>
internal static class ReviewCounting
{
    /// <summary>" · chờ duyệt[ · quá hạn]" after a department roll-up line, or nothing when no report awaits review.</summary>
    public static string PendingSuffix(RollupPeriodStatus p, CardView v) =>
        p.AwaitingReview ? " · " + ReviewCountingTexts.For(v).Pending + (p.Overdue ? " · " + ReviewCountingTexts.For(v).Overdue : "") : "";

    public static string? PeriodColor(RollupPeriodStatus p) =>
        p.AwaitingReview ? "warning" : p.Submitted ? "good" : p.Overdue ? "attention" : null;

    /// <summary>The unit roll-up's answer for a period: its timing, or "chờ duyệt[ · quá hạn]" while its report awaits review.</summary>
    public static string UnitTiming(UnitPeriodResult p, Func<ReportTiming, string> timing, CardView v) =>
        p.AwaitingReview
            ? ReviewCountingTexts.For(v).Pending + (p.Timing == ReportTiming.Missing ? " · " + ReviewCountingTexts.For(v).Overdue : "")
            : timing(p.Timing);
}
