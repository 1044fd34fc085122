namespace TeamsPlans.Plans.Units;

/// <summary>
/// Turns the rows of a unit list into units, row by row: the header row is found by its titles (Vietnamese with or without
/// diacritics, or English; it may sit below a title line), then each row is checked. Missing code or name, an unknown
/// kind, a code already used on an earlier line, a head or contact who is not a person of the tenant: the row is reported
/// with its line and left out. An unknown parent is reported and the row kept. Good rows are always kept.
/// </summary>
public static class UnitListImporter
{
    private enum Col { Code, Name, Kind, Parent, Head, Contacts, Group, Tenant }

    private static readonly (Col Col, string[] Titles)[] Headers =
    [
        (Col.Code, ["ma don vi", "ma truong", "ma dv", "ma", "code", "unit code", "school code"]),
        (Col.Name, ["ten don vi", "ten truong", "ten", "don vi", "name", "unit name", "school name", "unit"]),
        (Col.Kind, ["loai don vi", "loai hinh", "loai", "cap hoc", "kind", "type", "unit kind"]),
        (Col.Parent,
            ["don vi cap tren", "ma don vi cap tren", "don vi quan ly", "ma don vi quan ly", "cap tren", "truc thuoc", "parent", "parent code"]),
        (Col.Head, ["thu truong", "hieu truong", "nguoi dung dau", "truong don vi", "email thu truong", "email hieu truong", "head", "head upn",
            "head email"]),
        (Col.Contacts, ["lien he", "nguoi lien he", "email lien he", "contacts", "contact"]),
        (Col.Group, ["nhom m365", "nhom", "team", "group", "group id", "ma nhom"]),
        (Col.Tenant, ["tenant", "tenant rieng", "ma tenant", "own tenant", "tenant id"]),
    ];

    /// <param name="tenantId">The tenant the directory belongs to.</param>
    /// <param name="rows">Rows from <see cref="UnitListReader"/>.</param>
    /// <param name="findPerson">A person of the tenant by object id or UPN / e-mail; null when there is none.</param>
    /// <param name="knownCodes">Codes already in the directory (parents may be there rather than in the file).</param>
    public static UnitImportResult Import(string tenantId, IReadOnlyList<UnitListRow> rows, Func<string, UnitContact?> findPerson,
        IReadOnlySet<string>? knownCodes = null, DateTimeOffset? now = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(findPerson);
        var problems = new List<UnitImportProblem>();
        var headerAt = FindHeader(rows);
        if (headerAt.Map is null)
        {
            problems.Add(new UnitImportProblem(rows.Count > 0 ? rows[0].Line : 1, null,
                "không thấy dòng tiêu đề có cột 'Mã đơn vị' và 'Tên đơn vị'.",
                    "no header row with 'Mã đơn vị' (code) and 'Tên đơn vị' (name) columns."));
            return new UnitImportResult([], problems, 0);
        }
        var map = headerAt.Map;
        var data = rows.Skip(headerAt.Index + 1).Where(r => r.Cells.Any(c => c.Length > 0)).ToList();
        var allCodes = data.Select(r => Cell(r, map, Col.Code)).Where(c => c.Length > 0).Select(Unit.NormalizeCode).ToHashSet(StringComparer.Ordinal);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var units = new List<Unit>();
        foreach (var row in data)
        {
            var unit = ReadRow(tenantId, row, map, findPerson, problems, seen);
            if (unit is null) continue;
            if (unit.ParentCode is { } p && !allCodes.Contains(p) && knownCodes?.Contains(p) != true)
                problems.Add(new UnitImportProblem(row.Line, unit.Code, $"đơn vị cấp trên '{p}' chưa có trong danh bạ (vẫn nhận dòng).",
                    $"parent unit '{p}' is not in the directory yet (row kept).", RowKept: true));
            units.Add(now is { } t ? unit with { UpdatedAt = t } : unit);
        }
        return new UnitImportResult(units, problems, data.Count);
    }

    /// <summary>True when one of the first ten rows is a unit list's header: a code and a name column and one that only a
    /// directory has (kind, parent or head). A report table ("STT, Mã, Tên, Số liệu") is not taken for a unit list.</summary>
    public static bool HasHeader(IReadOnlyList<UnitListRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return FindHeader(rows).Map is { } map && (map.ContainsKey(Col.Kind) || map.ContainsKey(Col.Parent) || map.ContainsKey(Col.Head));
    }

    private static (UnitListRow Row, int Index, Dictionary<Col, int> Map) FindHeader(IReadOnlyList<UnitListRow> rows) =>
        rows.Take(10).Select((r, i) => (Row: r, Index: i, Map: MapHeader(r.Cells)))
            .FirstOrDefault(x => x.Map.ContainsKey(Col.Code) && x.Map.ContainsKey(Col.Name));

    private static Unit? ReadRow(string tenantId, UnitListRow row, Dictionary<Col, int> map, Func<string, UnitContact?> findPerson,
        List<UnitImportProblem> problems, Dictionary<string, int> seen)
    {
        var rawCode = Cell(row, map, Col.Code);
        var name = Cell(row, map, Col.Name);
        var code = rawCode.Length == 0 ? null : Unit.NormalizeCode(rawCode);
        var before = problems.Count;
        void Fail(string vi, string en) => problems.Add(new UnitImportProblem(row.Line, code, vi, en));
        if (code is null) Fail("thiếu mã đơn vị.", "the unit code is missing.");
        if (name.Length == 0) Fail("thiếu tên đơn vị.", "the unit name is missing.");
        var kindText = Cell(row, map, Col.Kind);
        var kind = kindText.Length > 0 ? UnitKinds.Parse(kindText) : UnitKinds.FromName(name);
        if (kind is null)
            Fail(kindText.Length > 0 ? $"loại đơn vị không rõ: '{kindText}'." : "thiếu loại đơn vị (không suy ra được từ tên).",
                 kindText.Length > 0 ? $"unknown unit kind: '{kindText}'." : "the unit kind is missing (cannot tell it from the name).");
        if (code is not null && seen.TryGetValue(code, out var firstLine))
            Fail($"mã '{code}' trùng với dòng {firstLine}.", $"code '{code}' is already used on line {firstLine}.");
        var head = Person(Cell(row, map, Col.Head), "thủ trưởng", "head", findPerson, Fail);
        var contacts = Cell(row, map, Col.Contacts)
            .Split([';', ',', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(c => Person(c, "người liên hệ", "contact", findPerson, Fail)).OfType<UnitContact>().ToList();
        if (code is not null && !seen.ContainsKey(code)) seen[code] = row.Line;
        if (problems.Count > before) return null;
        var parent = Cell(row, map, Col.Parent);
        return new Unit(tenantId, code!, name, kind!.Value, parent.Length == 0 ? null : Unit.NormalizeCode(parent))
        {
            Head = head,
            Contacts = contacts,
            GroupId = NullIfEmpty(Cell(row, map, Col.Group)),
            OwnTenantId = NullIfEmpty(Cell(row, map, Col.Tenant)),
        };
    }

    private static UnitContact? Person(string text, string vi, string en, Func<string, UnitContact?> findPerson, Action<string, string> fail)
    {
        if (text.Length == 0) return null;
        var found = findPerson(text);
        if (found is null) fail($"{vi} '{text}' không phải người dùng của tenant.", $"{en} '{text}' is not a user of the tenant.");
        return found;
    }

    private static Dictionary<Col, int> MapHeader(IReadOnlyList<string> cells)
    {
        // Exact titles first, then titles with a note after them ("Thủ trưởng (email)", "Mã trường *").
        var map = new Dictionary<Col, int>();
        var titles = cells.Select(c => UnitKinds.FoldForm(c).TrimEnd(' ', ':', '*')).ToList();
        foreach (var exact in new[] { true, false })
            for (var i = 0; i < titles.Count; i++)
            {
                if (map.ContainsValue(i)) continue;
                foreach (var (col, known) in Headers)
                    if (!map.ContainsKey(col) && known.Any(k => exact ? titles[i] == k : titles[i].StartsWith(k + " ", StringComparison.Ordinal)))
                    {
                        map[col] = i;
                        break;
                    }
            }
        return map;
    }

    private static string Cell(UnitListRow row, Dictionary<Col, int> map, Col col) =>
        map.TryGetValue(col, out var i) && i < row.Cells.Count ? row.Cells[i].Trim() : "";

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;
}
