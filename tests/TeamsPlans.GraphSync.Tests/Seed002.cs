using TeamsPlans.Plans.Model;

namespace TeamsPlans.GraphSync.Tests;

/// <summary>
/// Seed 002 (tests/fixtures/seeds/002_f5ffa53c17f34042.txt): "Kế hoạch Hoạt động đối ngoại và hội nhập quốc tế Ngành GDĐT
/// TP.HCM năm 2024" — the organization part (III) transcribed by hand until the parser in src/Plans is wired in.
/// </summary>
public static class Seed002
{
    public static readonly string Path = System.IO.Path.Combine(SeedDirectory(), "002_f5ffa53c17f34042.txt");
    /// <summary>The seed plans: env TEAMSPLANS_SEEDS, else the repository's tests/fixtures/seeds (walking up from the binaries).</summary>
    internal static string SeedDirectory()
    {
        if (Environment.GetEnvironmentVariable("TEAMSPLANS_SEEDS") is { Length: > 0 } env) return env;
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            var candidate = System.IO.Path.Combine(d.FullName, "tests", "fixtures", "seeds");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new InvalidOperationException("Seed plans not found: set TEAMSPLANS_SEEDS or keep tests/fixtures/seeds in the repository.");
    }

    const string Report = "Báo cáo kết quả triển khai thực hiện";
    const string To = "Sở GDĐT qua Văn phòng Sở";

    /// <summary>The seed read by the plan reader/parser of src/Plans (the real import path).</summary>
    public static Task<PlanDocument> ReadAsync() => new TeamsPlans.Plans.Reading.PlanReader().ReadFileAsync(Path);

    /// <summary>A hand transcription of section III, for tests that must not depend on the parser's evolution.</summary>
    public static PlanDocument Build()
    {
        var may = new Deadline(DueDate.Yearly(5, 10), Recurrence.Semiannual, Report, To, "Các phòng thuộc Sở, các đơn vị giáo dục");
        var oct = new Deadline(DueDate.Yearly(10, 15), Recurrence.Semiannual, Report, To, "Các phòng thuộc Sở, các đơn vị giáo dục");
        return new PlanDocument
        {
            Number = null,
            Issuer = "Sở Giáo dục và Đào tạo Thành phố Hồ Chí Minh",
            Year = 2024,
            Title = "Hoạt động đối ngoại và hội nhập quốc tế Ngành Giáo dục và Đào tạo Thành phố Hồ Chí Minh năm 2024",
            Assignments =
            [
                new Assignment(new Assignee(null, null, "Văn phòng Sở"),
                    "Theo dõi, đôn đốc các phòng thuộc Sở; Phòng GDĐT quận/huyện/thành phố; các trường Trung học phổ thông; Trung tâm GDTX, GDNN-GDTX, Thủ trưởng các đơn vị trực thuộc triển khai thực hiện Kế hoạch hoạt động đối ngoại và hội nhập quốc tế Ngành GDĐT năm 2024 nghiêm túc và hiệu quả", [])
                { SectionId = "III" },
                new Assignment(new Assignee(null, null, "Các phòng thuộc Sở, các đơn vị giáo dục"),
                    "Căn cứ chức năng, nhiệm vụ được giao chủ động xây dựng và thực hiện kế hoạch của đơn vị và tổ chức triển khai thực hiện có hiệu quả các nhiệm vụ; gửi báo cáo kết quả triển khai thực hiện về Sở GDĐT qua Văn phòng Sở để tổng hợp, báo cáo Ủy ban nhân dân thành phố và Sở Ngoại vụ", [may, oct])
                { SectionId = "III" },
                new Assignment(new Assignee(null, null, "Các đơn vị"),
                    "Kịp thời có văn bản phản hồi, đề xuất gửi về Văn phòng Sở tổng hợp khi phát sinh vấn đề mới, khó khăn vướng mắc cần bổ sung, điều chỉnh", [])
                { SectionId = "III" },
            ],
            Deadlines = [may, oct],
            Signer = new Signer("GIÁM ĐỐC", "Nguyễn Văn Hiếu", null),
        };
    }
}
