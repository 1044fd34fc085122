using TeamsPlans.Plans.Model;
using TeamsPlans.Plans.Units;
using TeamsPlans.Storage.Sql;

namespace TeamsPlans.Storage.Tests;

/// <summary>The roll-up's light JSON reading gives what the full deserializer gives (the unit code, the one-off last day).</summary>
public sealed class UnitDutyRowsTests
{
    private static Assignee ToUnit(string? code, string? unit, AssigneeKind kind = AssigneeKind.Unit, int selectors = 1) =>
        new(null, null, unit) { Target = new AssigneeTarget(kind, [.. Enumerable.Repeat(new UnitSelector(code, [UnitKind.HighSchool]), selectors)]) };

    public static TheoryData<string, string?> Assignees => new()
    {
        { StorageJson.Serialize(ToUnit("U00001", "Trường THPT Thử Nghiệm 1")), "U00001" },
        { StorageJson.Serialize(ToUnit("Trường THPT A", "Trường THPT A")), null },          // the printed name, not a code
        { StorageJson.Serialize(ToUnit("U00001", null)), null },                             // no unit column
        { StorageJson.Serialize(ToUnit(null, "các trường THPT", AssigneeKind.UnitSet)), null },
        { StorageJson.Serialize(ToUnit("U00001", "Trường A", selectors: 2)), null },
        { StorageJson.Serialize(new Assignee("Nguyễn Văn A", "Hiệu trưởng", null)), null },  // a person: no target written
        { StorageJson.Serialize(new Assignee(null, "Phó Hiệu trưởng", "Trường A") { Target = AssigneeTarget.Role }), null },
        { """{"Name":null,"Title":null,"Unit":"Trường B","Target":{"Kind":"Unit","Units":[{"Name":"U2","Kinds":[],"Text":""}]}}""", "U2" },
    };

    [Theory]
    [MemberData(nameof(Assignees))]
    public void The_unit_code_is_the_one_the_full_assignee_gives(string json, string? expected)
    {
        Assert.Equal(expected, UnitDutyRows.UnitCode(json));
        Assert.Equal(UnitAssignees.CodeOf(StorageJson.Deserialize<Assignee>(json)), UnitDutyRows.UnitCode(json));
    }

    [Fact]
    public void The_last_day_is_the_earliest_one_off_deadline_and_recurring_ones_are_left_out()
    {
        var quarterly = new Deadline(DueDate.Yearly(3, 31), Recurrence.Quarterly, "Báo cáo quý", null, null);
        var onDate = new Deadline(DueDate.OnDate(new DateOnly(2024, 5, 20)), null, "Nộp kế hoạch", null, null);
        var inMonth = new Deadline(DueDate.InMonth(2024, 4), null, "Trong tháng 4", null, null);
        var yearly = new Deadline(DueDate.Yearly(6, 15), null, "Hằng năm", null, null); // not a one-off kind
        Assert.Null(UnitDutyRows.LastDay("[]"));
        Assert.Null(UnitDutyRows.LastDay(StorageJson.Serialize(new List<Deadline> { quarterly, yearly })));
        Assert.Equal(new DateOnly(2024, 5, 20), UnitDutyRows.LastDay(StorageJson.Serialize(new List<Deadline> { quarterly, onDate })));
        Assert.Equal(new DateOnly(2024, 4, 30), UnitDutyRows.LastDay(StorageJson.Serialize(new List<Deadline> { onDate, inMonth, quarterly })));
    }
}
