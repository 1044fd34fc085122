namespace TeamsPlans.GraphSync;

/// <summary>What is wrong with one unit group (its display name and the code read from it), in Vietnamese and English;
/// <see cref="Kept"/> when the unit was still stored (a warning).</summary>
public sealed record UnitGroupProblem(string Group, string? Code, string Vi, string En, bool Kept = false)
{
    public string Text(bool english) => english
        ? $"Group \"{Group}\"{(Code is null ? "" : $" ({Code})")}: {En}"
        : $"Nhóm \"{Group}\"{(Code is null ? "" : $" ({Code})")}: {Vi}";
}
