namespace TeamsPlans.Plans.Units;

/// <summary>The outcome of reading a unit list: the good units, what was wrong line by line, and how many data rows were read.</summary>
public sealed record UnitImportResult(IReadOnlyList<Unit> Units, IReadOnlyList<UnitImportProblem> Problems, int RowsRead)
{
    public int Rejected => Problems.Where(p => !p.RowKept).Select(p => p.Line).Distinct().Count();
    public string Summary(bool english) => english
        ? $"{Units.Count} of {RowsRead} units read, {Rejected} rows left out"
        : $"Đọc được {Units.Count}/{RowsRead} đơn vị, bỏ qua {Rejected} dòng";
}
