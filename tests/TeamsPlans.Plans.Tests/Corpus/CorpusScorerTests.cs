using TeamsPlans.Plans.Model;

namespace TeamsPlans.Plans.Tests.Corpus;

/// <summary>The scorer itself, on hand-made labels: it must be able to fail.</summary>
public class CorpusScorerTests
{
    private static PlanDocument Plan() => new()
    {
        Number = "230/KH-SGDĐT",
        Issuer = "Sở Giáo dục và Đào tạo",
        IssuedOn = new DateOnly(2024, 3, 5),
        Title = "Hoạt động đối ngoại năm 2024",
        LegalBases = [new LegalBasis("Kế hoạch", "1334/KH-SGDĐT", null, null, "Kế hoạch số 1334/KH-SGDĐT ngày 27/3/2023")],
        Assignments = [new Assignment(new Assignee("Hồ Thị Thu Cúc", "Phó Hiệu trưởng", null), "Thực hiện báo cáo tình hình và kết quả hoạt động", [])],
        Deadlines = [new Deadline(DueDate.OnDate(new DateOnly(2024, 5, 20)), null, "Báo cáo", null, null)],
        Recipients = [new Recipient("Văn phòng Sở", "để báo cáo"), new Recipient("Lưu: VT", "Lưu")],
        Signer = new Signer("Giám đốc", "Ngô Tấn Hưng", null)
    };

    private static ExpectedFields Label() => new()
    {
        Number = "230 /KH-SGDĐT",
        Issuer = "SỞ GIÁO DỤC VÀ ĐÀO TẠO",
        IssuedOn = "2024-03-05",
        Title = "Hoạt động đối ngoại năm 2024",
        LegalBases = [new ExpectedBasis("1334/KH-SGDĐT", "Kế hoạch số 1334")],
        Assignments = [new ExpectedAssignment("Phó Hiệu trưởng Hồ Thị Thu Cúc", "Thực hiện báo cáo tình hình và kết quả", [])],
        Deadlines = [new ExpectedDeadline("2024-05-20", null, "Báo cáo")],
        Recipients = ["Văn phòng Sở"],
        Signers = [new ExpectedSigner("NGÔ TẤN HƯNG", "Giám đốc")]
    };

    [Fact]
    public void A_plan_equal_to_its_label_scores_one_on_every_field()
    {
        var s = CorpusScorer.Rate(Label(), Plan());
        Assert.All(CorpusScorer.Fields, f => Assert.Equal(1.0, s.Fields[f]));
    }

    [Fact]
    public void Wrong_fields_lose_their_points()
    {
        var p = Plan() with
        {
            Number = "/KH-SGDĐT",
            IssuedOn = null,
            Assignments = [new Assignment(new Assignee(null, null, "Tổ Ngữ văn"), "Thực hiện báo cáo tình hình và kết quả", [])],
            Deadlines = [new Deadline(DueDate.Yearly(5, 20), Recurrence.Yearly, "Báo cáo", null, null)],
            Signer = new Signer("Giám đốc", "Ngô Văn Hưng", null)
        };
        var s = CorpusScorer.Rate(Label(), p);
        Assert.Equal(0, s.Fields["number"]);
        Assert.Equal(0, s.Fields["issuedOn"]);
        Assert.Equal(0, s.Fields["assignments"]);
        Assert.Equal(0, s.Fields["deadlines"]);
        Assert.Equal(0, s.Fields["signers"]);
        Assert.Equal(1, s.Fields["recipients"]);
    }

    [Fact]
    public void Lists_are_scored_as_f1_and_empty_against_empty_is_one()
    {
        var e = Label() with { Recipients = ["Văn phòng Sở", "Như trên"], LegalBases = [] };
        var s = CorpusScorer.Rate(e, Plan() with { LegalBases = [] });
        Assert.Equal(2 * 1.0 * 0.5 / 1.5, s.Fields["recipients"], 6);
        Assert.Equal(1, s.Fields["legalBases"]);
        var extra = CorpusScorer.Rate(e, Plan());
        Assert.Equal(0, extra.Fields["legalBases"]);
    }

    [Fact]
    public void A_duty_must_contain_the_first_five_labelled_words()
    {
        var p = Plan() with { Assignments = [new Assignment(new Assignee("Hồ Thị Thu Cúc", null, null), "Phối hợp thực hiện báo cáo", [])] };
        Assert.Equal(0, CorpusScorer.Rate(Label(), p).Fields["assignments"]);
    }
}
