using System.Globalization;
using TeamsPlans.Plans.Scheduling;
using static TeamsPlans.Bot.Cards.PlanCards;

namespace TeamsPlans.Bot.Features.History;

/// <summary>The history card ("Lịch sử" on an assignment card): newest first, each line with when, who, what, from where.</summary>
internal static class HistoryCards
{
    public const int MaxLines = 40;

    public static AdaptiveCard Card(StoredPlan plan, AssignmentRecord a, IReadOnlyList<HistoryEntry> entries, CardView v)
        => Fit(scale =>
        {
            var t = HistoryTexts.For(v);
            var body = new List<CardElement>
            {
                new TextBlock(t.Header) { Size = "medium", Weight = "bolder", Style = "heading" },
                new TextBlock(Cut(PlanTitle(plan), 200, scale)) { IsSubtle = true, Size = "small" },
                new TextBlock(Cut(a.Duty, 300, scale)) { Spacing = "small" },
            };
            if (entries.Count == 0) body.Add(new TextBlock(t.Empty) { IsSubtle = true });
            var cap = Cap(MaxLines, scale);
            foreach (var e in entries.OrderByDescending(e => e.Sequence).Take(cap))
                body.Add(new TextBlock(Cut(Line(e, t), 400, scale)) { Id = "history-" + e.Sequence.ToString(CultureInfo.InvariantCulture),
                    Spacing = "small" });
            if (entries.Count > cap) body.Add(new TextBlock(v.S.More(entries.Count - cap)) { IsSubtle = true });
            return new AdaptiveCard { Lang = v.S.Lang, FallbackText = t.Header, Body = body };
        });

    /// <summary>"10/04/2023 09:00 · Hồ Thị Thu Cúc · Nộp báo cáo (thẻ): bao-cao.md".</summary>
    public static string Line(HistoryEntry e, HistoryTexts t) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{VietnamTime.Local(e.At):dd/MM/yyyy HH:mm} · {e.ActorName ?? e.Actor} · {t.Event(e.Event)} ({t.Source(e.Source)})")
        + (string.IsNullOrWhiteSpace(e.Detail) ? "" : ": " + e.Detail);
}
