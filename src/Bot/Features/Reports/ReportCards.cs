using System.Globalization;
using System.Text.Json.Nodes;
using TeamsPlans.Plans.Scheduling;
using static TeamsPlans.Bot.Cards.PlanCards;

namespace TeamsPlans.Bot.Features.Reports;

/// <summary>The card asking which assignment and deadline a file sent in chat answers.</summary>
internal static class ReportCards
{
    /// <summary>
    /// Asked when a member sends a file in chat and it is not clear which assignment it answers: a choice of
    /// "assignment — deadline" (value "assignmentId|periodKey") and Action.Execute "report" (the file is kept server-side).
    /// </summary>
    public static AdaptiveCard ReportTarget(string fileName,
        IReadOnlyList<(StoredPlan Plan, AssignmentRecord Assignment, ReportPeriod Period)> options, CardView v)
        => Fit(scale =>
        {
            var s = v.S;
            var cap = Cap(40, scale);
            var title = string.Format(CultureInfo.InvariantCulture, ReportChoiceTexts.For(v).Title, DueFormat.Truncate(fileName, 120));
            return new AdaptiveCard
            {
                Lang = s.Lang, FallbackText = title,
                Body =
                [
                    new TextBlock(title) { Weight = "bolder", Size = "medium" },
                    new ChoiceSetInput
                    {
                        Id = CardVerbs.ReportTargetInput, Label = ReportChoiceTexts.For(v).Label, Style = "expanded", IsRequired = true,
                            ErrorMessage = ReportChoiceTexts.For(v).Label,
                        Value = options.Count > 0 ? options[0].Assignment.AssignmentId + "|" + options[0].Period.Key : null,
                        Choices = options.Take(cap).Select(o => new Choice(
                            Cut($"{o.Plan.Number ?? o.Plan.PlanId} · {o.Assignment.Duty}", 120, scale) + " — " + ReportPeriods.Label(o.Period),
                            o.Assignment.AssignmentId + "|" + o.Period.Key)).ToList(),
                    },
                ],
                Actions = [Execute(s.HandInSubmit, CardVerbs.Report, new JsonObject { ["pendingFile"] = true, ["tenantId"] = options.Count > 0
                    ? options[0].Plan.TenantId : null }, style: "positive", associatedInputs: "auto")],
            };
        });
}
