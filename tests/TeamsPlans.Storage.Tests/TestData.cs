using TeamsPlans.Plans.Model;

namespace TeamsPlans.Storage.Tests;

internal static class TestData
{
    public static readonly DateTimeOffset Start = new(2024, 5, 1, 1, 0, 0, TimeSpan.Zero);

    public static string Tenant(string label) => $"{label}-{Guid.NewGuid():N}";

    public static PlanDocument Document(string? number, string title, params string[] citedNumbers) => new()
    {
        Number = number,
        Issuer = "Trường THPT Trung Lập",
        ParentIssuer = "Sở Giáo dục và Đào tạo Thành phố Hồ Chí Minh",
        Place = "Củ Chi",
        IssuedOn = new DateOnly(2024, 1, 15),
        Year = 2024,
        Title = title,
        LegalBases = citedNumbers.Select(n => new LegalBasis("Kế hoạch", n, new DateOnly(2023, 12, 20), "Sở Giáo dục và Đào tạo", $"Căn cứ Kế hoạch số {n}")).ToList(),
        Sections = [new PlanSection("I", "MỤC ĐÍCH, YÊU CẦU", ["Nâng cao chất lượng"], [new PlanSection("1", "Mục đích", ["a"], [])])],
        Assignments = [new Assignment(new Assignee("Nguyễn Văn A", "Phó Hiệu trưởng", null), "Chỉ đạo thực hiện", [new Deadline(DueDate.OnDate(new DateOnly(2024, 6, 30)), null, "Báo cáo sơ kết", "Sở GD&ĐT", null)]) { SectionId = "III.1" }],
        Deadlines =
        [
            new Deadline(DueDate.Yearly(5, 10), Recurrence.Yearly, "Báo cáo kết quả", "Sở GD&ĐT", "Tổ chuyên môn"),
            new Deadline(DueDate.InQuarter(2024, 2), null, "Tổng kết", null, null),
        ],
        Recipients = [new Recipient("Sở GD&ĐT", "để báo cáo")],
        Signer = new Signer("PHÓ HIỆU TRƯỞNG", "Trần Thị B", "HIỆU TRƯỞNG"),
        Warnings = ["ngày ban hành để trống"],
    };

    public static StoredPlan Plan(string tenant, string planId, string? number, string title, params string[] cited) =>
        new(tenant, planId, Document(number, title, cited), $"https://sp/{planId}.docx", PlanStatus.Published, "head-1", Start, Start);

    public static AssignmentRecord Assignment(string tenant, string id, string planId, int ordinal, string? member = null) =>
        new(tenant, id, planId, ordinal, new Assignee(null, "Tổ trưởng", "Tổ Toán"), "Xây dựng kế hoạch tổ",
            [new Deadline(DueDate.Yearly(5, 10), Recurrence.Yearly, "Báo cáo", "Hiệu trưởng", null)], member, AssignmentState.New, Start);
}
