using TeamsPlans.GraphSync.Tests.Fakes;
using TeamsPlans.Plans.Model;
using static TeamsPlans.GraphSync.Tests.TestUtil;

namespace TeamsPlans.GraphSync.Tests;

public sealed class DirectoryAndDueDateTests : IAsyncLifetime
{
    GraphHarness _h = null!;
    const string Tenant = GraphHarness.Tenant;
    string _hieu = "", _hieu2 = "", _lan = "", _tt1 = "", _tt2 = "";

    public async Task InitializeAsync()
    {
        _h = await GraphHarness.StartAsync();
        _hieu = _h.Server.AddUser("Nguyễn Văn Hiếu", "Giám đốc", "Ban Giám đốc");
        _hieu2 = _h.Server.AddUser("Nguyễn Văn Hiểu", "Giáo viên", "Tổ Toán");
        _lan = _h.Server.AddUser("Trần Thị Lan", "Chánh Văn phòng", "Văn phòng Sở");
        _tt1 = _h.Server.AddUser("Phạm Quốc Bảo", "Giáo viên", "Tổ Ngữ văn");
        _tt2 = _h.Server.AddUser("Đỗ Thị Hoa", "Giáo viên", "Tổ Toán");
        _h.Server.AddGroup("Tổ trưởng chuyên môn", _tt1, _tt2);
        _h.Server.PageSize = 2;
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Names_resolve_with_or_without_diacritics_and_ambiguity_is_reported()
    {
        var exact = await _h.Directory.ResolveAsync(Tenant, new Assignee("Nguyễn Văn Hiếu", null, null));
        Assert.Equal(ResolutionStatus.Resolved, exact.Status);
        Assert.Equal(_hieu, Assert.Single(exact.Users).Id);

        var lan = await _h.Directory.ResolveAsync(Tenant, new Assignee("tran thi lan", null, null));
        Assert.Equal(_lan, Assert.Single(lan.Users).Id);

        var misspelt = await _h.Directory.ResolveAsync(Tenant, new Assignee("Cô Trần Thi Lan", null, null)); // honorific, one mark missing
        Assert.Equal(_lan, Assert.Single(misspelt.Users).Id);

        var folded = await _h.Directory.ResolveAsync(Tenant, new Assignee("Nguyen Van Hieu", null, null));
        Assert.Equal(ResolutionStatus.Ambiguous, folded.Status);
        Assert.Empty(folded.Users);
        Assert.Equal(new[] { _hieu, _hieu2 }.Order(), folded.Candidates.Select(c => c.Id).Order());
        Assert.Contains("khớp với 2 người", folded.MessageVi);

        var withHint = await _h.Directory.ResolveAsync(Tenant, new Assignee("Nguyen Van Hieu", "Giám đốc", null));
        Assert.Equal(_hieu, Assert.Single(withHint.Users).Id);

        var none = await _h.Directory.ResolveAsync(Tenant, new Assignee("Lê Văn Tám", null, null));
        Assert.Equal(ResolutionStatus.Unresolved, none.Status);
        Assert.Contains("was not found", none.MessageEn);

        // One paged listing (PageSize 2 → 3 pages), then matching locally from the cache.
        SequenceEqual([
            "GET /users?$select=id,displayName,jobTitle,department,mail,userPrincipalName&$top=999",
            "GET /users?$select=id,displayName,jobTitle,department,mail,userPrincipalName&$top=999&$skiptoken=2",
            "GET /users?$select=id,displayName,jobTitle,department,mail,userPrincipalName&$top=999&$skiptoken=4"], Sequence(_h.Server.Requests));
    }

    [Fact]
    public async Task Titles_departments_and_groups_resolve_to_every_holder()
    {
        var chanh = await _h.Directory.ResolveAsync(Tenant, new Assignee(null, "chánh văn phòng", null));
        Assert.Equal(_lan, Assert.Single(chanh.Users).Id);
        var dept = await _h.Directory.ResolveAsync(Tenant, new Assignee(null, null, "Tổ Toán"));
        Assert.Equal(new[] { _hieu2, _tt2 }.Order(), dept.Users.Select(u => u.Id).Order());
        var group = await _h.Directory.ResolveAsync(Tenant, new Assignee(null, "Tổ trưởng chuyên môn", null));
        Assert.Equal(new[] { _tt1, _tt2 }.Order(), group.Users.Select(u => u.Id).Order());
        Assert.Contains(_h.Server.Requests, r => r.Path == "/groups?$filter=displayName eq 'Tổ trưởng chuyên môn'&$select=id,displayName");
    }

    [Fact]
    public async Task A_role_group_made_of_nested_groups_resolves_to_the_people_in_them()
    {
        // "Ban chủ nhiệm" holds one teacher directly and the group "Tổ trưởng chuyên môn" (two more) nested in it.
        var cn = _h.Server.AddUser("Lê Thị Mai", "Giáo viên", "Tổ Tiếng Anh");
        var heads = _h.Server.Groups.Single(g => g.Value.Name == "Tổ trưởng chuyên môn").Key;
        _h.Server.AddGroup("Ban chủ nhiệm", cn, heads);

        var r = await _h.Directory.ResolveAsync(Tenant, new Assignee(null, "Ban chủ nhiệm", null));

        Assert.Equal(ResolutionStatus.Resolved, r.Status);
        Assert.Equal(new[] { cn, _tt1, _tt2 }.Order(), r.Users.Select(u => u.Id).Order());
    }

    [Theory]
    [InlineData(2023, 5, 20, "2023-05-19T17:00:00Z")]
    [InlineData(2024, 1, 1, "2023-12-31T17:00:00Z")]
    [InlineData(2024, 10, 15, "2024-10-14T17:00:00Z")]
    public void A_printed_deadline_day_is_due_at_its_start_in_Vietnam(int y, int m, int d, string utc)
    {
        var due = PlannerDueDates.ToPlannerDue(DueDate.OnDate(new DateOnly(y, m, d)), null);
        Assert.Equal(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture), due);
        Assert.Equal(TimeSpan.Zero, due.Offset);
        Assert.Equal(new DateOnly(y, m, d), PlannerDueDates.ToVietnamDay(due)); // shown as the printed date in Vietnam
    }

    [Fact]
    public void Periods_are_due_at_the_end_of_their_last_day_and_yearly_dates_need_the_plan_year()
    {
        Assert.Equal(DateTimeOffset.Parse("2024-05-31T17:00:00Z", System.Globalization.CultureInfo.InvariantCulture), PlannerDueDates.ToPlannerDue(DueDate.InMonth(2024, 5), null));
        Assert.Equal(DateTimeOffset.Parse("2024-06-30T17:00:00Z", System.Globalization.CultureInfo.InvariantCulture), PlannerDueDates.ToPlannerDue(DueDate.InQuarter(2024, 2), null));
        Assert.Equal(DateTimeOffset.Parse("2024-05-09T17:00:00Z", System.Globalization.CultureInfo.InvariantCulture), PlannerDueDates.ToPlannerDue(DueDate.Yearly(5, 10), 2024));
        var ex = Assert.Throws<GraphSyncException>(() => PlannerDueDates.ToPlannerDue(DueDate.Yearly(5, 10), null));
        Assert.Contains("năm", ex.MessageVi);
    }
}
