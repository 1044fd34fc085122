using TeamsPlans.Plans.Units;

namespace TeamsPlans.Storage.Tests;

public abstract partial class StoreContractTests<TProvider>
{
    private static Unit U(string tenant, string code, string name, UnitKind kind, string? parent, string? head = null) =>
        new(tenant, code, name, kind, parent) { Head = head is null ? null : new UnitContact(head, head + "@hcm.edu.vn") };

    [Fact]
    public async Task Units_are_stored_per_tenant_with_head_contacts_group_and_own_tenant()
    {
        var t = TestData.Tenant("so");
        var other = TestData.Tenant("other");
        var school = U(t, " thpt-bk ", "Trường THPT Bùi Thị Xuân", UnitKind.HighSchool, "so-hcm", "hieu-truong-1") with
        {
            Contacts = [new UnitContact(null, "vanthu@bk.edu.vn"), new UnitContact("pht-2", null)],
            GroupId = "grp-1",
            OwnTenantId = "tenant-bk",
        };
        Assert.Equal(2, await Units.UpsertManyAsync([U(t, "SO-HCM", "Sở GD&ĐT TP.HCM", UnitKind.Department, null), school]));
        await Units.UpsertManyAsync([U(other, "THPT-BK", "Khác tenant", UnitKind.HighSchool, null)]);

        var got = await Units.GetAsync(t, "thpt-bk");
        Assert.NotNull(got);
        Assert.Equal("THPT-BK", got.Code);
        Assert.Equal("Trường THPT Bùi Thị Xuân", got.Name);
        Assert.Equal(UnitKind.HighSchool, got.Kind);
        Assert.Equal("SO-HCM", got.ParentCode);
        Assert.Equal(new UnitContact("hieu-truong-1", "hieu-truong-1@hcm.edu.vn"), got.Head);
        Assert.Equal([new UnitContact(null, "vanthu@bk.edu.vn"), new UnitContact("pht-2", null)], got.Contacts);
        Assert.Equal("grp-1", got.GroupId);
        Assert.Equal("tenant-bk", got.OwnTenantId);
        Assert.Equal(TestData.Start, got.UpdatedAt);
        Assert.Equal(3, got.Recipients.Count);

        Assert.Equal(["SO-HCM", "THPT-BK"], (await Units.ListAsync(t)).Select(u => u.Code));
        Assert.Equal("Khác tenant", (await Units.GetAsync(other, "THPT-BK"))!.Name);
        Assert.Null(await Units.GetAsync(t, "nope"));
        Assert.Equal(["THPT-BK"], (await Units.ListByPersonAsync(t, "VANTHU@bk.edu.vn")).Select(u => u.Code));
        Assert.Equal(["THPT-BK"], (await Units.ListByPersonAsync(t, "hieu-truong-1")).Select(u => u.Code));
        Assert.Empty(await Units.ListByPersonAsync(other, "hieu-truong-1"));
    }

    [Fact]
    public async Task Units_below_a_parent_at_any_depth_filtered_by_kind()
    {
        var t = TestData.Tenant("so");
        await Units.UpsertManyAsync(
        [
            U(t, "SO", "Sở GD&ĐT", UnitKind.Department, null),
            U(t, "VP", "Văn phòng Sở", UnitKind.DepartmentOffice, "SO"),
            U(t, "PGD-Q1", "Phòng GD&ĐT Quận 1", UnitKind.DistrictOffice, "SO"),
            U(t, "THCS-1", "Trường THCS Văn Lang", UnitKind.LowerSecondarySchool, "PGD-Q1"),
            U(t, "TH-1", "Trường TH Kết Đoàn", UnitKind.PrimarySchool, "PGD-Q1"),
            U(t, "THPT-1", "Trường THPT Trưng Vương", UnitKind.HighSchool, "SO"),
            U(t, "TO-VAN", "Tổ Ngữ văn", UnitKind.SubjectGroup, "THPT-1"),
        ]);
        Assert.Equal(["PGD-Q1", "TH-1", "THCS-1", "THPT-1", "TO-VAN", "VP"], (await Units.ListUnderAsync(t, "so", [])).Select(u => u.Code));
        Assert.Equal(["TH-1", "THCS-1", "THPT-1"], (await Units.ListUnderAsync(t, "SO",
            [UnitKind.HighSchool, UnitKind.LowerSecondarySchool, UnitKind.PrimarySchool])).Select(u => u.Code));
        Assert.Equal(["THCS-1"], (await Units.ListUnderAsync(t, "PGD-Q1", [UnitKind.LowerSecondarySchool])).Select(u => u.Code));
        Assert.Empty(await Units.ListUnderAsync(t, "TH-1", []));
    }

    [Fact]
    public async Task Renaming_and_reparenting_a_unit_keeps_its_history()
    {
        var t = TestData.Tenant("so");
        await Units.UpsertManyAsync([U(t, "THCS-1", "Trường THCS Văn Lang", UnitKind.LowerSecondarySchool, "PGD-Q1")]);
        Time.Advance(TimeSpan.FromDays(30));
        // 1 July 2025: the district office is gone, the commune oversees the school.
        Assert.Equal(0, await Units.UpsertManyAsync([U(t, "THCS-1", "Trường THCS Văn Lang", UnitKind.LowerSecondarySchool, "UBND-P-SAIGON")]));
        Time.Advance(TimeSpan.FromDays(1));
        await Units.UpsertManyAsync([U(t, "THCS-1", "Trường THCS Văn Lang (phường Sài Gòn)", UnitKind.LowerSecondarySchool, "UBND-P-SAIGON")]);
        // An unchanged upsert adds no history.
        await Units.UpsertManyAsync([U(t, "THCS-1", "Trường THCS Văn Lang (phường Sài Gòn)", UnitKind.LowerSecondarySchool, "UBND-P-SAIGON")]);

        var now = await Units.GetAsync(t, "THCS-1");
        Assert.Equal("UBND-P-SAIGON", now!.ParentCode);
        var history = await Units.HistoryAsync(t, "thcs-1");
        Assert.Equal(2, history.Count);
        Assert.Equal(("Trường THCS Văn Lang", "PGD-Q1", TestData.Start.AddDays(30)), (history[0].Name, history[0].ParentCode, history[0].ValidUntil));
        Assert.Equal(("Trường THCS Văn Lang", "UBND-P-SAIGON", TestData.Start.AddDays(31)), (history[1].Name, history[1].ParentCode, history[1].ValidUntil));

        Assert.True(await Units.DeleteAsync(t, "THCS-1"));
        Assert.False(await Units.DeleteAsync(t, "THCS-1"));
        Assert.Null(await Units.GetAsync(t, "THCS-1"));
        Assert.Equal(3, (await Units.HistoryAsync(t, "THCS-1")).Count);
    }

    [Fact]
    public async Task A_unit_without_code_or_name_is_refused_and_nothing_is_written()
    {
        var t = TestData.Tenant("so");
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => Units.UpsertManyAsync(
            [U(t, "A", "Trường A", UnitKind.PrimarySchool, null), U(t, " ", "Không mã", UnitKind.PrimarySchool, null)]));
        Assert.Contains("mã", ex.Message);
        Assert.Empty(await Units.ListAsync(t));
    }

    private IUnitStore Units => UnitStores.For(Store);
}
