namespace TeamsPlans.Plans.Units;

/// <summary>One row of a unit list as read: its line (the spreadsheet row number, or the CSV line) and its cells.</summary>
public sealed record UnitListRow(int Line, IReadOnlyList<string> Cells);
