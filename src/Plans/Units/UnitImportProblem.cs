namespace TeamsPlans.Plans.Units;

/// <summary>What is wrong with one row of a unit list: its line, the code when there is one, the reason in Vietnamese and
/// English, and whether the row was still kept (a warning) or left out (an error).</summary>
public sealed record UnitImportProblem(int Line, string? Code, string Vi, string En, bool RowKept = false)
{
    public string Text(bool english) => english
        ? $"Line {Line}{(Code is null ? "" : $" ({Code})")}: {En}"
        : $"Dòng {Line}{(Code is null ? "" : $" ({Code})")}: {Vi}";
}
