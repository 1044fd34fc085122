using System.Data.Common;
using System.Text.Json;
using TeamsPlans.Plans.Model;
using TeamsPlans.Plans.Units;

namespace TeamsPlans.Storage.Sql;

/// <summary>
/// The roll-up's rows read without materializing whole objects: an assignment's unit code and one-off last day from its
/// stored JSON (the compact <see cref="StorageJson"/> format, read with <see cref="JsonDocument"/>; anything else falls
/// back to the full deserializer, so the result is the same), and a unit's code, name, kind and parent only.
/// Materializing every <see cref="Assignee"/> and <see cref="Deadline"/> of a 4,000-duty plan was most of the roll-up's time.
/// </summary>
internal static class UnitDutyRows
{
    private static readonly DueKind[] OneOff = [DueKind.Date, DueKind.Month, DueKind.Quarter, DueKind.Year];

    /// <summary>The unit code an assignee names (as <see cref="UnitAssignees.CodeOf"/>); null for people, roles, sets.</summary>
    public static string? UnitCode(string assigneeJson)
    {
        using var doc = JsonDocument.Parse(assigneeJson);
        var root = doc.RootElement;
        if (root.ValueKind != JsonValueKind.Object) return Full(assigneeJson);
        if (!root.TryGetProperty("target"u8, out var target) || target.ValueKind == JsonValueKind.Null)
            return Canonical(root) ? null : Full(assigneeJson);
        if (target.ValueKind != JsonValueKind.Object || !target.TryGetProperty("kind"u8, out var kind) || kind.ValueKind != JsonValueKind.String
            || !target.TryGetProperty("units"u8, out var units) || units.ValueKind != JsonValueKind.Array
            || !root.TryGetProperty("unit"u8, out var unit))
            return Full(assigneeJson);
        if (!kind.ValueEquals("Unit"u8)) return Enum.TryParse<AssigneeKind>(kind.GetString(), out _) ? null : Full(assigneeJson);
        if (units.GetArrayLength() != 1 || unit.ValueKind == JsonValueKind.Null) return null;
        var first = units[0];
        if (first.ValueKind != JsonValueKind.Object || !first.TryGetProperty("name"u8, out var name)) return Full(assigneeJson);
        if (name.ValueKind != JsonValueKind.String) return null;
        var code = name.GetString();
        return code != unit.GetString() ? code : null;
    }

    /// <summary>The earliest last day of the one-off deadlines (the duty's deadline in the roll-up); null without one.</summary>
    public static DateOnly? LastDay(string deadlinesJson)
    {
        if (deadlinesJson == "[]") return null;
        using var doc = JsonDocument.Parse(deadlinesJson);
        if (doc.RootElement.ValueKind != JsonValueKind.Array) return FullLastDay(deadlinesJson);
        DateOnly? min = null;
        foreach (var d in doc.RootElement.EnumerateArray())
        {
            if (d.ValueKind != JsonValueKind.Object || !d.TryGetProperty("due"u8, out var due) || due.ValueKind != JsonValueKind.String
                || !d.TryGetProperty("recurrence"u8, out var recurrence))
                return FullLastDay(deadlinesJson);
            if (recurrence.ValueKind != JsonValueKind.Null) continue;
            if (!DueDate.TryParse(due.GetString(), out var parsed)) return FullLastDay(deadlinesJson);
            if (Array.IndexOf(OneOff, parsed.Kind) < 0) continue;
            var last = parsed.LastDay();
            if (min is null || last < min) min = last;
        }
        return min;
    }

    /// <summary>A directory unit as the roll-up shows and filters it (code, name, kind, parent; no contacts).</summary>
    public static Unit MapUnit(DbDataReader r) => new(r.GetString(0), r.GetString(1), r.GetString(2),
        Enum.TryParse<UnitKind>(r.GetString(3), out var k) ? k : UnitKind.Other, r.IsDBNull(4) ? null : r.GetString(4));

    public const string UnitColumns = "tenant_id, code, name, kind, parent_code";

    private static bool Canonical(JsonElement root) => root.TryGetProperty("unit"u8, out _);

    private static string? Full(string json) => UnitAssignees.CodeOf(StorageJson.Deserialize<Assignee>(json));

    private static DateOnly? FullLastDay(string json) => StorageJson.Deserialize<List<Deadline>>(json)
        .Where(d => d.Recurrence is null && Array.IndexOf(OneOff, d.Due.Kind) >= 0).Select(d => (DateOnly?)d.Due.LastDay()).Min();
}
