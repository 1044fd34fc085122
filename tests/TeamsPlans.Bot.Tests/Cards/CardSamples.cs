using TeamsPlans.Bot.Cards;
using TeamsPlans.Plans.Model;
using TeamsPlans.Storage;
using TeamsPlans.Bot.Features.Assignments;
using TeamsPlans.Bot.Features.Help;
using TeamsPlans.Bot.Features.History;
using TeamsPlans.Bot.Features.Import;
using TeamsPlans.Bot.Features.Reports;
using TeamsPlans.Bot.Features.Review;
using TeamsPlans.Bot.Features.Rollup;
using TeamsPlans.Bot.Features.Status;
using TeamsPlans.Plans.Rollup;

namespace TeamsPlans.Bot.Tests.Cards;

/// <summary>Plans and members to build every card kind from.</summary>
public static class CardSamples
{
    public const string Tenant = "tenant-bk";
    public static readonly DateTimeOffset Now = new(2023, 4, 10, 2, 0, 0, TimeSpan.Zero);
    public static readonly DateOnly Today = new(2023, 4, 10);

    /// <summary>Plan 82/KH-THPT BK as printed (seed 001), built by hand.</summary>
    public static PlanDocument Plan82() => new()
    {
        Number = "82/KH-THPT BK",
        Issuer = "Trường THPT Bình Khánh",
        ParentIssuer = "Sở Giáo dục và Đào tạo Thành phố Hồ Chí Minh",
        Place = "Thành phố Hồ Chí Minh",
        IssuedOn = new DateOnly(2023, 4, 3),
        Year = 2023,
        Title = "Hoạt động đối ngoại và hội nhập quốc tế năm 2023",
        Sections = [new PlanSection("I", "MỤC ĐÍCH, YÊU CẦU", [], []), new PlanSection("II", "NỘI DUNG THỰC HIỆN", [], []), new PlanSection("III", "TỔ CHỨC THỰC HIỆN", [], [])],
        Assignments =
        [
            new Assignment(new Assignee("Ngô Tấn Hưng", "Hiệu trưởng", null), "Nhà trường xây dựng kế hoạch thực hiện theo đúng chức năng, nhiệm vụ được giao của đơn vị.", []) { SectionId = "III" },
            new Assignment(new Assignee("Nguyễn Tất Thành", "Phó hiệu trưởng", null), "Tổ chức triển khai đến toàn thể cán bộ, giáo viên và người lao động trong đơn vị.", []) { SectionId = "III" },
            new Assignment(new Assignee("Hồ Thị Thu Cúc", "Phó hiệu trưởng", null),
                "Thực hiện báo cáo tình hình và kết quả triển khai thực hiện các nội dung trên về Sở Giáo dục và Đào tạo (qua phòng Chính trị tư tưởng) trước ngày 20/5 và 01/11/2023.",
                [
                    new Deadline(DueDate.OnDate(new DateOnly(2023, 5, 20)), null, "Báo cáo tình hình và kết quả triển khai", "Sở Giáo dục và Đào tạo", "Hồ Thị Thu Cúc"),
                    new Deadline(DueDate.OnDate(new DateOnly(2023, 11, 1)), null, "Báo cáo tình hình và kết quả triển khai", "Sở Giáo dục và Đào tạo", "Hồ Thị Thu Cúc"),
                ]) { SectionId = "III" },
        ],
        Signer = new Signer("HIỆU TRƯỞNG", "Ngô Tân Hưng", null),
        Warnings = ["Ngày ban hành đọc từ dòng địa danh."],
    };

    /// <summary>A plan with every due-date kind and recurrence.</summary>
    public static PlanDocument AllDueKinds() => new()
    {
        Number = "/KH-SGDĐT",
        Issuer = "Sở Giáo dục và Đào tạo",
        Year = 2019,
        Title = "Công tác đối ngoại năm 2019",
        Assignments =
        [
            new Assignment(new Assignee(null, null, "Phòng Giáo dục và Đào tạo các quận, huyện"), "Báo cáo định kỳ về công tác đối ngoại.",
            [
                new Deadline(DueDate.Yearly(12, 15), Recurrence.Yearly, "Báo cáo năm", "Sở GD&ĐT", null),
                new Deadline(DueDate.InQuarter(2019, 1), null, "Báo cáo quý", null, null),
                new Deadline(DueDate.InMonth(2024, 6), null, "Báo cáo tháng", null, null),
                new Deadline(DueDate.SchoolYearOf(2023), null, "Tổng kết năm học", null, null),
                new Deadline(DueDate.OnDate(new DateOnly(2019, 6, 20)), Recurrence.Semiannual, "Báo cáo 6 tháng", null, null),
            ]),
        ],
    };

    public static StoredPlan Stored(PlanDocument doc, string planId, PlanStatus status = PlanStatus.Published, string? uri = null) =>
        new(Tenant, planId, doc, uri, status, "aad-hung", Now, Now);

    public static List<AssignmentRecord> Records(StoredPlan plan, params string?[] members)
    {
        var list = new List<AssignmentRecord>();
        var i = 0;
        foreach (var a in plan.Document.Assignments)
        {
            var m = i < members.Length ? members[i] : null;
            i++;
            list.Add(new AssignmentRecord(Tenant, $"{plan.PlanId}-a{i}", plan.PlanId, i, a.Assignee, a.Duty, a.Deadlines, m, AssignmentState.New, Now));
        }
        return list;
    }

    public static List<Member> Members() =>
    [
        new(Tenant, "aad-hung", "Ngô Tấn Hưng", "hung@bk.edu.vn", "Hiệu trưởng", null, MemberRoles.Member | MemberRoles.Principal, "vi-VN"),
        new(Tenant, "aad-thanh", "Nguyễn Tất Thành", "thanh@bk.edu.vn", "Phó hiệu trưởng", null, MemberRoles.Member, "vi-VN"),
        new(Tenant, "aad-cuc", "Hồ Thị Thu Cúc", "cuc@bk.edu.vn", "Phó hiệu trưởng", null, MemberRoles.Member, "en-US"),
        new(Tenant, "aad-lan", "Trần Thị Lan", "lan@bk.edu.vn", "Giáo viên", null, MemberRoles.Member, null),
    ];

    /// <summary>Every card kind in the given language, keyed by a file-friendly name.</summary>
    public static Dictionary<string, AdaptiveCard> All(string locale)
    {
        var v = CardView.For(locale, Today);
        var plan = Stored(Plan82(), "kh-82-kh-thpt-bk");
        var recs = Records(plan, "aad-hung", "aad-thanh", "aad-cuc");
        var members = Members();
        var byId = members.ToDictionary(m => m.AadObjectId);
        var acked = recs[1] with { State = recs[1].State.Apply(AssignmentAction.Acknowledge, Now) };
        var progress = recs[2] with { State = recs[2].State.Apply(AssignmentAction.Progress, Now, 50, "Đã gửi báo cáo đợt 1 về Sở.") };
        var done = recs[0] with { State = recs[0].State.Apply(AssignmentAction.Done, Now) };
        var kinds = Stored(AllDueKinds(), "kh-sgddt", uri: "https://contoso.sharepoint.com/sites/bk/Shared%20Documents/KH-2019.docx");
        var kindRecs = Records(kinds);
        var draft = Stored(Plan82(), "kh-82-draft", PlanStatus.Draft);
        var draftRecs = Records(draft, "aad-hung");
        var unresolved = draftRecs.Where(r => r.MemberAadObjectId is null)
            .Select(r => new UnresolvedAssignee(r, TeamsPlans.Bot.Conversation.AssigneeMatcher.Rank(r.Assignee, members))).ToList();

        return new Dictionary<string, AdaptiveCard>
        {
            ["assignment-assigned"] = AssignmentCards.Assignment(plan, recs[0], "Ngô Tấn Hưng", v, ["29:1hung"]),
            ["assignment-acknowledged"] = AssignmentCards.Assignment(plan, acked, "Nguyễn Tất Thành", v, ["29:1thanh"]),
            ["assignment-progress"] = AssignmentCards.Assignment(plan, progress, "Hồ Thị Thu Cúc", v, ["29:1cuc"]),
            ["assignment-done"] = AssignmentCards.Assignment(plan, done, "Ngô Tấn Hưng", v, ["29:1hung"]),
            ["assignment-overdue-readonly"] = AssignmentCards.Assignment(plan, recs[2], null, CardView.For(locale, new DateOnly(2023, 12, 1)), null, interactive: false),
            ["assignment-duekinds-url"] = AssignmentCards.Assignment(kinds, kindRecs[0], null, v, ["29:x"]),
            ["status"] = StatusCards.Status([(plan, [done, acked, progress]), (kinds, kindRecs), (draft, draftRecs)], byId, v, canRemind: true),
            ["status-empty"] = StatusCards.Status([], byId, v, canRemind: false),
            ["mytasks"] = AssignmentCards.MyTasks([(plan, acked), (kinds, kindRecs[0]), (null, progress)], v),
            ["mytasks-empty"] = AssignmentCards.MyTasks([], v),
            ["mytasks-reports"] = AssignmentCards.MyTasks([(plan, acked), (plan, progress)], v, new Dictionary<string, DateTimeOffset> { [progress.AssignmentId] = Now }),
            ["welcome-principal"] = HelpCards.Welcome("Ngô Tấn Hưng", true, v),
            ["welcome-member"] = HelpCards.Welcome(null, false, v),
            ["help-unknown"] = HelpCards.Help("xin chào bot <b>", false, v),
            ["import-preview"] = ImportCards.ImportPreview(draft, draftRecs, byId, unresolved, v),
            ["plan-summary"] = AssignmentCards.PlanSummary(plan, recs, v),
            ["notice"] = PlanCards.Notice("Không tìm thấy kế hoạch \"99/KH\".", ["001_2bb57626d11c2963.txt"], v, "attention"),
            ["assignment-report-handed-in"] = AssignmentCards.Assignment(plan, progress, "Hồ Thị Thu Cúc", v, ["29:1cuc"], reports:
                [new ReportSubmission(Tenant, "r1", progress.AssignmentId, "2023-05-20", "Hồ Thị Thu Cúc - bc.pdf", "https://contoso.sharepoint.com/bc.pdf", "aad-cuc", Now)]),
            ["status-reports"] = StatusCards.Status([(plan, [done, acked, progress])], byId, v, canRemind: true, new Dictionary<string, int> { [plan.PlanId] = 2 }),
            ["status-delivery-problems"] = StatusCards.Status([(plan, [done, acked, progress])], byId, v, canRemind: true, new Dictionary<string, int> { [plan.PlanId] = 2 },
                new Dictionary<string, (int, int)> { [plan.PlanId] = (3, 1) }),
            ["report-target"] = ReportCards.ReportTarget("Báo cáo tháng 4.pdf",
                [.. recs.SelectMany(r => ReportPeriods.For(r, 2023, Today).Select(p => (plan, r, p))), (kinds, kindRecs[0], ReportPeriods.For(kindRecs[0], 2019, Today)[0])], v),
            ["rollup"] = RollupCards.Rollup(Rollup(), new Dictionary<string, string> { ["tenant-tl"] = "Trường THPT Trung Lập" }, v),
            ["rollup-empty"] = RollupCards.Rollup(new DepartmentRollup("tenant-sgd", "kh-1", null, "Kế hoạch không có hạn định kỳ", 2023, Today, [], []), new Dictionary<string, string>(), v),
            ["review"] = ReviewCards.Card(plan, progress, Rounds(progress)[1], Report(progress), 1, null, v),
            ["review-returned"] = ReviewCards.Card(plan, progress, Rounds(progress)[1], Report(progress), 1, Rounds(progress)[2], v),
            ["review-second-round"] = ReviewCards.Card(plan, progress, SecondHandIn(progress), Report(progress), 2, null, v, [.. Rounds(progress), SecondHandIn(progress)]),
            ["import-preview-regime-edit"] = ImportCards.ImportPreview(WithRegime(draft), draftRecs, byId, unresolved, v),
            ["assignment-regime-form"] = AssignmentCards.Assignment(WithRegime(plan), recs[2], "Hồ Thị Thu Cúc", v, ["29:1cuc"]),
            ["history"] = HistoryCards.Card(plan, progress, Rounds(progress), v),
            ["history-empty"] = HistoryCards.Card(plan, progress, [], v),
            ["comments"] = TeamsPlans.Bot.Features.Comments.CommentCards.Thread(plan, progress, [.. Rounds(progress).Select(e => e with { Event = HistoryEvent.Comment })], v),
            ["assignment-comments"] = AssignmentCardExtras.Apply(AssignmentCards.Assignment(plan, acked, "Nguyễn Tất Thành", v, ["29:1thanh"]), acked, v,
                TeamsPlans.Plans.Scheduling.OfficialState.OpenWithinDeadline, ReviewStatus.None, [.. Rounds(acked).Select(e => e with { Event = HistoryEvent.Comment })]),
            ["assignment-returned"] = AssignmentCardExtras.Apply(AssignmentCards.Assignment(plan, progress, "Hồ Thị Thu Cúc", v, ["29:1cuc"], reports: [Report(progress)]),
                progress, v, TeamsPlans.Plans.Scheduling.OfficialState.OpenWithinDeadline, ReviewStatus.Of(Rounds(progress))),
            ["assignment-done-late"] = AssignmentCardExtras.Apply(AssignmentCards.Assignment(plan, done, "Ngô Tấn Hưng", v, ["29:1hung"]),
                done, v, TeamsPlans.Plans.Scheduling.OfficialState.DoneLate, ReviewStatus.Of([.. Rounds(done), .. Rounds(done).Skip(1).Take(1).Select(e => e with { Event = HistoryEvent.Accepted, Sequence = 9 })])),
        };
    }

    /// <summary>
    /// <paramref name="plan"/> with the regime of Cúc's report as edited in the import preview (issue 15): half-yearly, a
    /// cut-off, the form of Phụ lục 2 and its file in the library.
    /// </summary>
    public static StoredPlan WithRegime(StoredPlan plan) => plan with
    {
        Document = plan.Document with
        {
            Reports =
            [
                new ReportRegime("Báo cáo tình hình và kết quả triển khai")
                {
                    To = "Sở Giáo dục và Đào tạo", Method = "Qua hệ thống quản lý văn bản và điều hành", Frequency = Recurrence.Semiannual,
                    Due = DueDate.OnDate(new DateOnly(2023, 5, 20)), DataFrom = new DateOnly(2022, 11, 15), DataTo = new DateOnly(2023, 5, 14),
                    Outline = "Theo mẫu tại Phụ lục 2", OutlineUri = "https://contoso.sharepoint.com/sites/bk/Shared%20Documents/Mau-bao-cao.docx",
                },
            ],
        },
    };

    /// <summary>The hand-in after the return of <see cref="Rounds"/>: round 2, whose review card shows round 1.</summary>
    public static HistoryEntry SecondHandIn(AssignmentRecord a) =>
        new(Tenant, a.PlanId, a.AssignmentId, HistoryEvent.ReportHandedIn, "aad-cuc", "Hồ Thị Thu Cúc", HistorySource.Card, Now.AddHours(3), "Bổ sung số liệu khối 12.")
            { Sequence = 4 };

    /// <summary>A hand-in and its return, as the history holds them (issue 15).</summary>
    public static IReadOnlyList<HistoryEntry> Rounds(AssignmentRecord a) =>
    [
        new(Tenant, a.PlanId, a.AssignmentId, HistoryEvent.Created, "aad-hung", "Ngô Tấn Hưng", HistorySource.Card, Now, a.Assignee.Display) { Sequence = 1 },
        new(Tenant, a.PlanId, a.AssignmentId, HistoryEvent.ReportHandedIn, "aad-cuc", "Hồ Thị Thu Cúc", HistorySource.Card, Now.AddHours(1), "Đã tổ chức 2 buổi sinh hoạt chuyên đề về hội nhập quốc tế.") { Sequence = 2 },
        new(Tenant, a.PlanId, a.AssignmentId, HistoryEvent.Returned, "aad-hung", "Ngô Tấn Hưng", HistorySource.Card, Now.AddHours(2), "Thiếu số liệu khối 12, đề nghị bổ sung.") { Sequence = 3 },
    ];

    public static ReportSubmission Report(AssignmentRecord a) =>
        new(Tenant, "r1", a.AssignmentId, "2023-05-20", "Hồ Thị Thu Cúc - bc.pdf", "https://contoso.sharepoint.com/bc.pdf", "aad-cuc", Now.AddHours(1));

    /// <summary>A department roll-up: one unit on time, one overdue, one without an implementing plan.</summary>
    public static DepartmentRollup Rollup()
    {
        var may = new RollupOccurrence(new DateOnly(2023, 5, 10), "2023-05-10", "Báo cáo sơ kết", Recurrence.Yearly);
        var oct = new RollupOccurrence(new DateOnly(2023, 10, 15), "2023-10-15", "Báo cáo tổng kết", Recurrence.Yearly);
        var today = new DateOnly(2023, 6, 1);
        return new DepartmentRollup("tenant-sgd", "kh-678", "678/KH-SGDĐT", "Hoạt động đối ngoại năm 2023", 2023, today, [may, oct],
        [
            new UnitRollup("tenant-tl", [new ImplementingPlanRef("kh-12", "12/KH-THPT TL", "Hoạt động đối ngoại", new DateOnly(2023, 2, 15))],
                [new RollupPeriodStatus(may, true, Now, "r1", false), new RollupPeriodStatus(oct, false, null, null, false)]),
            new UnitRollup("tenant-bk2", [new ImplementingPlanRef("kh-7", "7/KH-THPT BK2", "Hoạt động đối ngoại", null)],
                [new RollupPeriodStatus(may, false, null, null, true), new RollupPeriodStatus(oct, false, null, null, false)]),
            new UnitRollup("tenant-xx", [], [new RollupPeriodStatus(may, false, null, null, true), new RollupPeriodStatus(oct, false, null, null, false)]),
        ]);
    }

    /// <summary>Every seed plan (tests/fixtures/seeds or $TEAMSPLANS_SEEDS) read by the real plan reader.</summary>
    public static IReadOnlyList<(string Name, PlanDocument Doc)> Seeds()
    {
        var dir = TeamsPlans.Testing.SeedFiles.Directory;
        var reader = new TeamsPlans.Plans.Reading.PlanReader();
        return Directory.GetFiles(dir, "*.txt").Order(StringComparer.Ordinal)
            .Select(f => (Path.GetFileName(f)[..3], reader.ReadFileAsync(f).GetAwaiter().GetResult())).ToList();
    }

    /// <summary>Cards of every kind built from the parsed seed plans.</summary>
    public static Dictionary<string, AdaptiveCard> FromSeeds(string locale)
    {
        var v = CardView.For(locale, Today);
        var members = Members();
        var byId = members.ToDictionary(m => m.AadObjectId);
        var cards = new Dictionary<string, AdaptiveCard>();
        var status = new List<(StoredPlan, IReadOnlyList<AssignmentRecord>)>();
        foreach (var (name, doc) in Seeds())
        {
            var plan = Stored(doc, "seed-" + name);
            var recs = Records(plan, "aad-hung", "aad-thanh");
            if (recs.Count > 0) recs[0] = recs[0] with { State = recs[0].State.Apply(AssignmentAction.Acknowledge, Now) };
            status.Add((plan, recs));
            for (var i = 0; i < Math.Min(recs.Count, 3); i++)
                cards[$"seed{name}-assignment{i + 1}"] = AssignmentCards.Assignment(plan, recs[i], null, v, ["29:1hung"]);
            var draft = plan with { Status = PlanStatus.Draft };
            var unresolved = recs.Where(r => r.MemberAadObjectId is null)
                .Select(r => new UnresolvedAssignee(r, TeamsPlans.Bot.Conversation.AssigneeMatcher.Rank(r.Assignee, members))).ToList();
            cards[$"seed{name}-import-preview"] = ImportCards.ImportPreview(draft, recs, byId, unresolved, v);
            cards[$"seed{name}-plan-summary"] = AssignmentCards.PlanSummary(plan, recs, v);
            cards[$"seed{name}-mytasks"] = AssignmentCards.MyTasks(recs.Select(r => ((StoredPlan?)plan, r)).ToList(), v);
        }
        cards["seeds-status"] = StatusCards.Status(status, byId, v, canRemind: true);
        return cards;
    }

    /// <summary>Oversized inputs: long duties, hundreds of assignments and members.</summary>
    public static Dictionary<string, AdaptiveCard> Huge(string locale)
    {
        var v = CardView.For(locale, Today);
        var longText = string.Join(" ", Enumerable.Repeat("Tổ chức triển khai thực hiện nghiêm túc các nội dung của kế hoạch đối ngoại và hội nhập quốc tế;", 200));
        var doc = Plan82() with
        {
            Title = longText[..900],
            Assignments = Enumerable.Range(1, 250).Select(i => new Assignment(new Assignee($"Giáo viên Số {i}", "Tổ trưởng chuyên môn", null), longText,
                Enumerable.Range(1, 20).Select(d => new Deadline(DueDate.OnDate(new DateOnly(2023, 5, 1).AddDays(d * 7)), null, longText[..300], null, null)).ToList())).ToList(),
            Warnings = Enumerable.Range(1, 50).Select(i => $"Cảnh báo {i}: " + longText[..200]).ToList(),
            Sections = Enumerable.Range(1, 80).Select(i => new PlanSection(i.ToString(System.Globalization.CultureInfo.InvariantCulture), longText[..150], [], [])).ToList(),
        };
        var plan = Stored(doc, "kh-huge", PlanStatus.Draft);
        var members = Enumerable.Range(1, 400).Select(i => new Member(Tenant, $"aad-{i:0000}", $"Nguyễn Văn Thành Viên {i}", null, "Giáo viên bộ môn Ngữ văn", null, MemberRoles.Member, null)).ToList();
        var recs = Records(plan);
        var unresolved = recs.Select(r => new UnresolvedAssignee(r, members)).ToList();
        var byId = members.ToDictionary(m => m.AadObjectId);
        var withComment = recs[0] with { State = recs[0].State.Apply(AssignmentAction.Progress, Now, 50, longText[..500]) };
        var users = Enumerable.Range(1, 100).Select(i => $"29:user{i}").ToList();
        return new Dictionary<string, AdaptiveCard>
        {
            ["huge-assignment"] = AssignmentCards.Assignment(plan, withComment, "Thành Viên 1", v, users),
            ["huge-status"] = StatusCards.Status(Enumerable.Range(1, 12).Select(i => (plan with { PlanId = $"p{i}" }, (IReadOnlyList<AssignmentRecord>)recs)).ToList(), byId, v, true),
            ["huge-mytasks"] = AssignmentCards.MyTasks(recs.Select(r => ((StoredPlan?)plan, r)).ToList(), v),
            ["huge-import-preview"] = ImportCards.ImportPreview(plan, recs, byId, unresolved, v),
            ["huge-plan-summary"] = AssignmentCards.PlanSummary(plan, recs, v),
        };
    }
}
