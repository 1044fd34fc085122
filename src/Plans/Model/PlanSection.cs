namespace TeamsPlans.Plans.Model;

/// <summary>A numbered part of the plan: Id is the printed label ("I", "1", "1.1", "2.6.1").</summary>
public sealed record PlanSection(string Id, string Heading, IReadOnlyList<string> Items, IReadOnlyList<PlanSection> Sections);
