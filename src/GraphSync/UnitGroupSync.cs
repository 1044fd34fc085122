using Microsoft.Extensions.Logging;
using TeamsPlans.Plans.Units;
using TeamsPlans.Storage;

namespace TeamsPlans.GraphSync;

/// <summary>
/// Fills the unit directory from the unit groups of Entra ID (<see cref="Graph.GraphUnitGroups"/>): one unit per group,
/// code from the mail nickname, name from the display name, the group id kept. The head is the first owner, the other
/// owners are contacts (a school's group holds its whole staff as members: they do not each receive the school's duties).
/// A group without owners keeps the head the directory had and is reported. Kind: the directory's, else read from the
/// name ("Trường THPT …", "Tổ Toán"), else from "Loại: …" in the description; parent: the directory's, else
/// "Cấp trên: &lt;mã&gt;" in the description, else <c>defaultParent</c>. A unit already in the directory keeps its own tenant.
/// </summary>
public sealed class UnitGroupSync(IUnitStore units, TimeProvider time, ILogger<UnitGroupSync> logger)
{
    public async Task<UnitGroupSyncResult> SyncAsync(string tenantId, IReadOnlyList<UnitGroup> groups, string? defaultParent, bool dryRun,
        CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentNullException.ThrowIfNull(groups);
        var existing = (await units.ListAsync(tenantId, ct).ConfigureAwait(false)).ToDictionary(u => u.Code, StringComparer.Ordinal);
        var problems = new List<UnitGroupProblem>();
        var made = new Dictionary<string, Unit>(StringComparer.Ordinal);
        // Two groups with one code: the group the unit already has wins, then a team over a plain group, then the first read.
        var ordered = groups.OrderByDescending(g => existing.TryGetValue(g.Code, out var u) && u.GroupId == g.GroupId)
            .ThenByDescending(g => g.IsTeam);
        foreach (var g in ordered)
        {
            if (made.ContainsKey(g.Code))
            {
                problems.Add(new UnitGroupProblem(g.DisplayName, g.Code, $"mã '{g.Code}' trùng với một nhóm khác (bỏ qua).",
                    $"code '{g.Code}' is used by another group (skipped)."));
                continue;
            }
            var old = existing.GetValueOrDefault(g.Code);
            var kind = old?.Kind ?? UnitKinds.FromName(g.DisplayName) ?? UnitKinds.Parse(Field(g.Description, "loai"));
            if (kind is null)
            {
                problems.Add(new UnitGroupProblem(g.DisplayName, g.Code, "không rõ loại đơn vị (ghi \"Loại: …\" trong mô tả nhóm).",
                    "the unit kind is unknown (write \"Loại: …\" in the group's description)."));
                continue;
            }
            if (g.Owners.Count == 0)
                problems.Add(new UnitGroupProblem(g.DisplayName, g.Code, "nhóm không có chủ sở hữu: giữ thủ trưởng như cũ.",
                    "the group has no owner: the head stays as it was.", Kept: true));
            var parent = old?.ParentCode ?? (Field(g.Description, "cap tren") is { Length: > 0 } p ? Unit.NormalizeCode(p) : null)
                ?? (defaultParent is { Length: > 0 } d && Unit.NormalizeCode(d) != g.Code ? Unit.NormalizeCode(d) : null);
            made[g.Code] = new Unit(tenantId, g.Code, g.DisplayName, kind.Value, parent)
            {
                Head = g.Owners.Count > 0 ? g.Owners[0] : old?.Head,
                Contacts = g.Owners.Count > 0 ? [.. g.Owners.Skip(1)] : old?.Contacts ?? [],
                GroupId = g.GroupId,
                OwnTenantId = old?.OwnTenantId,
                UpdatedAt = time.GetUtcNow(),
            };
        }
        var list = made.Values.ToList();
        List<string> added = [.. list.Where(u => !existing.ContainsKey(u.Code)).Select(u => u.Code)];
        List<string> updated = [.. list.Where(u => existing.TryGetValue(u.Code, out var old) && !Same(old, u)).Select(u => u.Code)];
        if (!dryRun && list.Count > 0) await units.UpsertManyAsync(list, ct).ConfigureAwait(false);
        logger.LogInformation(
            "Unit groups for {TenantId}: {Groups} read, {Added} added, {Updated} updated, {Kept} units kept, {Problems} problems, dry run {DryRun}",
            tenantId, groups.Count, added.Count, updated.Count, list.Count, problems.Count, dryRun);
        return new UnitGroupSyncResult(list, groups.Count, problems) { AddedCodes = added, UpdatedCodes = updated };
    }

    /// <summary>Whether the group changes nothing the directory holds for the unit.</summary>
    private static bool Same(Unit a, Unit b) =>
        a.Name == b.Name && a.Kind == b.Kind && a.ParentCode == b.ParentCode && a.GroupId == b.GroupId && Equals(a.Head, b.Head)
        && a.Contacts.SequenceEqual(b.Contacts);

    /// <summary>"Cấp trên: SGDDT; Loại: THPT" → the value after the label (diacritics aside), up to ';' or the line's end.</summary>
    private static string? Field(string? description, string label)
    {
        if (string.IsNullOrWhiteSpace(description)) return null;
        foreach (var part in description.Split([';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = part.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && UnitKinds.FoldForm(part[..colon]) == label) return part[(colon + 1)..].Trim();
        }
        return null;
    }
}
