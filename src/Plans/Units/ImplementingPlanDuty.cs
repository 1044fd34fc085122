using TeamsPlans.Plans.Parsing;

namespace TeamsPlans.Plans.Units;

/// <summary>
/// Whether a duty given to a unit is "issue your own implementing plan": "xây dựng kế hoạch phù hợp với điều kiện của đơn
/// vị", "ban hành kế hoạch triển khai", "xây dựng và ban hành kế hoạch thực hiện", "develop an implementing plan". A duty
/// that only adjusts or reports on the plan ("điều chỉnh kế hoạch", "báo cáo kết quả") is not.
/// </summary>
public static class ImplementingPlanDuty
{
    private static readonly string[] Verbs = ["xay dung", "ban hanh", "lap", "trien khai xay dung", "develop", "issue", "draw up"];
    private static readonly string[] Fillers = [" an ", " a ", " the ", " its own ", " its ", " own "];
    private static readonly string[] Objects = ["ke hoach", "implementing plan", "plan"];

    public static bool Matches(string? duty)
    {
        if (string.IsNullOrWhiteSpace(duty)) return false;
        var f = " " + VietText.FoldWords(duty) + " ";
        foreach (var filler in Fillers) f = f.Replace(filler, " ", StringComparison.Ordinal); // "develop an implementing plan"
        foreach (var verb in Verbs)
            foreach (var obj in Objects)
            {
                if (f.Contains($" {verb} {obj} ", StringComparison.Ordinal)) return true;
                if (f.Contains($" {verb} va ban hanh {obj} ", StringComparison.Ordinal)) return true;
            }
        return false;
    }
}
