using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TeamsPlans.Bot.Cards;
using TeamsPlans.GraphSync;
using TeamsPlans.Storage;
using static TeamsPlans.Bot.Tests.Conversation.BotHarness;
using static TeamsPlans.Bot.Tests.Conversation.Scenario;

namespace TeamsPlans.Bot.Tests.Conversation;

/// <summary>Hand-in of reports through POST /api/messages: from the assignment card, and as a file sent in personal chat.</summary>
public sealed class ReportHandInTests
{
    private static readonly DateOnly Today = new(2023, 4, 10);

    /// <summary>The "Nộp báo cáo" form of a card: the Execute data and the period the form offers first.</summary>
    private static (JsonObject Data, string Period, IReadOnlyList<string> Choices) HandInForm(JsonObject card)
    {
        var show = Objects(card).Single(o => o["type"]?.GetValue<string>() == "Action.ShowCard" && o["title"]?.GetValue<string>() == "Nộp báo cáo");
        var data = ActionData(show["card"]!.AsObject(), "report");
        var choice = Objects(show).SingleOrDefault(o => o["id"]?.GetValue<string>() == CardVerbs.ReportPeriodInput && o["type"]?.GetValue<string>() == "Input.ChoiceSet");
        if (choice is not null)
            return (data, choice["value"]!.GetValue<string>(), choice["choices"]!.AsArray().Select(c => c!["value"]!.GetValue<string>()).ToList());
        return (data, data[CardVerbs.ReportPeriodInput]!.GetValue<string>(), [data[CardVerbs.ReportPeriodInput]!.GetValue<string>()]);
    }

    private static string ReportsDir(BotHarness h) => Path.Combine(h.LibraryDir, Tenant, "Báo cáo", "82-KH-THPT BK");

    [Fact]
    public async Task Card_hand_in_stores_the_summary_in_the_library_records_the_submission_and_the_card_and_status_show_it()
    {
        await using var h = await StartAsync();
        await PublishAsync(h);
        var card = AssignmentCardOf(h, Cuc);
        var (data, period, choices) = HandInForm(card);
        var a3 = (await h.Store.Assignments.GetAsync(Tenant, Plan82 + "-a3"))!;
        var plan = (await h.Store.Plans.GetAsync(Tenant, Plan82))!;
        // The form offers exactly the assignment's deadline occurrences (roll-up period keys).
        Assert.Equal(ReportPeriods.For(a3, plan.Document.Year, Today).Select(p => p.Key), choices);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", period);

        // Invalid hand-ins are refused and store nothing.
        var empty = data.DeepClone().AsObject();
        empty[CardVerbs.ReportPeriodInput] = period;
        var (_, e1) = await h.InvokeAsync(Cuc, "report", empty);
        Assert.Equal(400, e1["statusCode"]!.GetValue<int>());
        Assert.Contains("Hãy nhập tóm tắt hoặc liên kết", e1["value"]!["message"]!.GetValue<string>());
        var badLink = empty.DeepClone().AsObject();
        badLink[CardVerbs.ReportLinkInput] = "javascript:alert(1)";
        Assert.Equal(400, (await h.InvokeAsync(Cuc, "report", badLink)).Body["statusCode"]!.GetValue<int>());
        var badPeriod = empty.DeepClone().AsObject();
        badPeriod[CardVerbs.ReportSummaryInput] = "x";
        badPeriod[CardVerbs.ReportPeriodInput] = "2099-01-01";
        var (_, e3) = await h.InvokeAsync(Cuc, "report", badPeriod);
        Assert.Equal("BadPeriod", e3["value"]!["code"]!.GetValue<string>());
        var notMine = empty.DeepClone().AsObject();
        notMine[CardVerbs.ReportSummaryInput] = "x";
        Assert.Equal(400, (await h.InvokeAsync(Lan, "report", notMine)).Body["statusCode"]!.GetValue<int>());
        Assert.Empty(await h.Store.Reports.ListByAssignmentAsync(Tenant, a3.AssignmentId));

        var ok = empty.DeepClone().AsObject();
        ok[CardVerbs.ReportSummaryInput] = "Đã tổ chức 2 buổi sinh hoạt chuyên đề về hội nhập quốc tế.";
        ok[CardVerbs.ReportLinkInput] = "https://bk.edu.vn/bao-cao/doi-ngoai";
        var (status, body) = await h.InvokeAsync(Cuc, "report", ok);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(200, body["statusCode"]!.GetValue<int>());
        var updated = Json(body["value"]!);
        Assert.Contains("Đã nộp báo cáo ngày 10/04/2023", updated);
        Assert.Contains($"(kỳ hạn {DateOnly.ParseExact(period, "yyyy-MM-dd"):dd/MM/yyyy})", updated);

        var report = Assert.Single(await h.Store.Reports.ListByAssignmentAsync(Tenant, a3.AssignmentId));
        Assert.Equal(period, report.Period);
        Assert.Equal(Cuc.Aad, report.SubmittedBy);
        Assert.Equal(h.Time.GetUtcNow(), report.SubmittedAt);
        var file = Directory.GetFiles(Path.Combine(ReportsDir(h), period)).Single(f => f.EndsWith(".md", StringComparison.Ordinal));
        Assert.Equal(new Uri(file).AbsoluteUri, report.FileUri);
        var text = await File.ReadAllTextAsync(file);
        Assert.Contains("Đã tổ chức 2 buổi sinh hoạt chuyên đề", text);
        Assert.Contains("https://bk.edu.vn/bao-cao/doi-ngoai", text);
        Assert.Contains("Hồ Thị Thu Cúc", text);

        // "việc của tôi" shows it on the task line.
        await h.SayAsync(Cuc, "việc của tôi");
        Assert.Contains("✓ Đã nộp báo cáo ngày 10/04/2023", Json(h.Connector.CardsIn(Cuc.Conversation).Last()));
        await h.SayAsync(Thanh, "việc của tôi");
        Assert.DoesNotContain("Đã nộp báo cáo", Json(h.Connector.CardsIn(Thanh.Conversation).Last()));

        // Refresh shows the hand-in; the principal's status card counts it; the import does not offer report files.
        var (_, refreshed) = await h.InvokeAsync(Cuc, "refresh", ActionData(card, "refresh"), trigger: "automatic");
        Assert.Contains("Đã nộp báo cáo ngày 10/04/2023", Json(refreshed["value"]!));
        await h.SayAsync(Hung, "tình hình");
        Assert.Equal("1", TeamsPlans.Bot.Tests.Cards.CardModelTests.Facts(h.Connector.CardsIn(Hung.Conversation).Last())["Báo cáo đã nộp"]);
        await h.SayAsync(Hung, "nhập kế hoạch");
        Assert.DoesNotContain("bao-cao", Json(h.Connector.CardsIn(Hung.Conversation).Last()));
    }

    [Fact]
    public async Task A_file_sent_after_the_card_hand_in_is_downloaded_and_stored_for_the_same_period()
    {
        await using var h = await StartAsync();
        await PublishAsync(h);
        var (data, period, _) = HandInForm(AssignmentCardOf(h, Cuc));
        data[CardVerbs.ReportPeriodInput] = period;
        data[CardVerbs.ReportSummaryInput] = "Tóm tắt";
        Assert.Equal(200, (await h.InvokeAsync(Cuc, "report", data)).Body["statusCode"]!.GetValue<int>());

        var bytes = Encoding.UTF8.GetBytes("%PDF-1.4 báo cáo hoạt động đối ngoại");
        h.Connector.Files["bc-thang-4.pdf"] = bytes;
        await h.SendFileAsync(Cuc, "Báo cáo tháng 4.pdf", h.Connector.ServiceUrl + "files/bc-thang-4.pdf");

        var reports = await h.Store.Reports.ListByAssignmentAsync(Tenant, Plan82 + "-a3");
        Assert.Equal(2, reports.Count);
        var fileReport = reports.Single(r => r.FileName.EndsWith(".pdf", StringComparison.Ordinal));
        Assert.Equal(period, fileReport.Period);
        Assert.Equal("Hồ Thị Thu Cúc - Báo cáo tháng 4.pdf", fileReport.FileName);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(Path.Combine(ReportsDir(h), period, "Hồ Thị Thu Cúc - Báo cáo tháng 4.pdf")));
        Assert.Contains(h.Connector.TextsIn(Cuc.Conversation), t => t.Contains("Đã nhận tệp \"Báo cáo tháng 4.pdf\"", StringComparison.Ordinal));
        // The member's assignment card (posted at publish) is updated in place.
        var a3 = (await h.Store.Assignments.GetAsync(Tenant, Plan82 + "-a3"))!;
        var put = h.Connector.Posts.Last(p => p.ConversationId == Cuc.Conversation && p.Method == "PUT");
        Assert.Equal(a3.CardActivityId, put.ActivityId);
        Assert.Contains("Đã nộp báo cáo ngày 10/04/2023", Json(put.Body));
    }

    [Fact]
    public async Task With_several_assignments_the_file_waits_for_a_choice_then_is_stored_once()
    {
        await using var h = await StartAsync();
        await PublishAsync(h, thirdDutyTo: Thanh); // Thành now has duties a2 and a3
        h.Connector.Files["kh.docx"] = Encoding.UTF8.GetBytes("nội dung báo cáo");
        await h.SendFileAsync(Thanh, "Báo cáo.docx", h.Connector.ServiceUrl + "files/kh.docx", teamsDownloadInfo: false);

        Assert.Equal(1, h.Connector.FileDownloads); // downloaded when it arrived (Teams' download links are short-lived)
        var ask = h.Connector.CardsIn(Thanh.Conversation).Last();
        Assert.Contains("Tệp \\\"Báo cáo.docx\\\" là báo cáo cho nhiệm vụ nào?", Json(ask));
        var choice = Objects(ask).Single(o => o["id"]?.GetValue<string>() == CardVerbs.ReportTargetInput);
        var values = choice["choices"]!.AsArray().Select(c => c!["value"]!.GetValue<string>()).ToList();
        Assert.Contains(values, v => v.StartsWith(Plan82 + "-a2|", StringComparison.Ordinal));
        Assert.Contains(values, v => v.StartsWith(Plan82 + "-a3|", StringComparison.Ordinal));
        Assert.DoesNotContain(values, v => v.StartsWith(Plan82 + "-a1|", StringComparison.Ordinal)); // Hưng's duty

        var pick = values.First(v => v.StartsWith(Plan82 + "-a3|", StringComparison.Ordinal));
        var data = ActionData(ask, "report");
        data[CardVerbs.ReportTargetInput] = pick;
        // Someone else cannot use Thành's pending file.
        Assert.Equal(400, (await h.InvokeAsync(Lan, "report", data)).Body["statusCode"]!.GetValue<int>());
        var (_, body) = await h.InvokeAsync(Thanh, "report", data);
        Assert.Equal(200, body["statusCode"]!.GetValue<int>());
        var report = Assert.Single(await h.Store.Reports.ListByAssignmentAsync(Tenant, Plan82 + "-a3"));
        Assert.Equal(pick[(pick.IndexOf('|') + 1)..], report.Period);
        Assert.Equal("Nguyễn Tất Thành - Báo cáo.docx", report.FileName);
        Assert.Empty(await h.Store.Reports.ListByAssignmentAsync(Tenant, Plan82 + "-a2"));

        // The pending file is used once: a second click says so.
        var (_, again) = await h.InvokeAsync(Thanh, "report", data);
        Assert.Equal(400, again["statusCode"]!.GetValue<int>());
        Assert.Single(await h.Store.Reports.ListByAssignmentAsync(Tenant, Plan82 + "-a3"));
    }

    [Fact]
    public async Task Too_big_or_undownloadable_files_get_a_bilingual_error_and_store_nothing()
    {
        await using var h = await StartAsync(new Dictionary<string, string> { ["Reports:MaxFileBytes"] = "1000" });
        await PublishAsync(h);
        var (data, period, _) = HandInForm(AssignmentCardOf(h, Cuc));
        data[CardVerbs.ReportPeriodInput] = period;
        data[CardVerbs.ReportLinkInput] = "https://bk.edu.vn/x";
        await h.InvokeAsync(Cuc, "report", data); // sets the target; 1 report
        h.Connector.Files["big.pdf"] = new byte[5000];

        await h.SendFileAsync(Cuc, "big.pdf", h.Connector.ServiceUrl + "files/big.pdf");
        Assert.Contains(h.Connector.TextsIn(Cuc.Conversation), t => t.Contains("quá lớn: tối đa", StringComparison.Ordinal) && t.Contains("is too big", StringComparison.Ordinal));
        await h.SendFileAsync(Cuc, "missing.pdf", h.Connector.ServiceUrl + "files/missing.pdf");
        Assert.Contains(h.Connector.TextsIn(Cuc.Conversation), t => t.Contains("Không tải được tệp \"missing.pdf\" (HTTP 404)", StringComparison.Ordinal) && t.Contains("could not be downloaded", StringComparison.Ordinal));
        await h.SendFileAsync(Cuc, "ftp.pdf", "ftp://files.example/ftp.pdf", teamsDownloadInfo: false);
        Assert.Contains(h.Connector.TextsIn(Cuc.Conversation), t => t.Contains("không có địa chỉ tải xuống hợp lệ", StringComparison.Ordinal));

        Assert.Single(await h.Store.Reports.ListByAssignmentAsync(Tenant, Plan82 + "-a3"));
        Assert.DoesNotContain(Directory.GetFiles(ReportsDir(h), "*", SearchOption.AllDirectories), f => f.Contains("big.pdf", StringComparison.Ordinal) || f.Contains("missing.pdf", StringComparison.Ordinal));

        // An image pasted next to a typed command is not a hand-in: the command is answered, nothing is downloaded.
        var downloads = h.Connector.FileDownloads;
        var pasted = h.Base(Cuc, "message");
        pasted["text"] = "việc của tôi";
        pasted["attachments"] = new JsonArray(new JsonObject { ["contentType"] = "image/png", ["contentUrl"] = h.Connector.ServiceUrl + "files/big.pdf" });
        Assert.Equal(HttpStatusCode.OK, (await h.PostAsync(pasted)).StatusCode);
        Assert.Contains("Việc của tôi", Json(h.Connector.CardsIn(Cuc.Conversation).Last()));
        Assert.Equal(downloads, h.Connector.FileDownloads);

        // A member without assignments is told so.
        await h.SendFileAsync(Lan, "x.pdf", h.Connector.ServiceUrl + "files/big.pdf");
        Assert.Contains(h.Connector.TextsIn(Lan.Conversation), t => t.Contains("Bạn chưa có nhiệm vụ nào để nộp báo cáo", StringComparison.Ordinal));
    }

    /// <summary>Records report uploads (the SharePoint library stand-in); the other library operations are not used by hand-ins.</summary>
    private sealed class RecordingLibrary : IDocumentLibrary
    {
        public List<(string Tenant, string Period, string FileName, string Content, ReportMetadata Meta)> Reports { get; } = [];

        public async Task<LibraryFile> UploadReportAsync(string tenantId, string period, string fileName, Stream content, ReportMetadata metadata, CancellationToken ct = default)
        {
            using var reader = new StreamReader(content, Encoding.UTF8);
            Reports.Add((tenantId, period, fileName, await reader.ReadToEndAsync(ct), metadata));
            var path = LibraryPaths.ReportPath(metadata.PlanNumber, period, fileName);
            return new LibraryFile("sp-" + Reports.Count, fileName, path, "https://contoso.sharepoint.com/sites/bk/Bao%20cao/" + Uri.EscapeDataString(path), content.Length, new Dictionary<string, string?>());
        }

        public Task<LibraryFile> UploadPlanDocumentAsync(string tenantId, string fileName, Stream content, PlanDocumentMetadata metadata, CancellationToken ct = default) => throw new NotSupportedException();
        public Task<DiscoveredDocuments> PeekNewPlanDocumentsAsync(string tenantId, CancellationToken ct = default) => throw new NotSupportedException();
        public Task CommitDiscoveryAsync(string tenantId, DiscoveredDocuments discovered, CancellationToken ct = default) => throw new NotSupportedException();
        public Task<Stream> OpenAsync(string tenantId, LibraryFile file, CancellationToken ct = default) => throw new NotSupportedException();
        public Task<string> GetLinkAsync(string tenantId, string fileId, CancellationToken ct = default) => throw new NotSupportedException();
    }

    [Fact]
    public async Task A_registered_document_library_receives_the_reports_and_the_submit_fallback_hands_in_too()
    {
        var library = new RecordingLibrary();
        await using var h = await StartAsync(services: s => s.AddSingleton<IDocumentLibrary>(library));
        await PublishAsync(h);
        var card = AssignmentCardOf(h, Cuc);
        var show = Objects(card).Single(o => o["type"]?.GetValue<string>() == "Action.ShowCard" && o["title"]?.GetValue<string>() == "Nộp báo cáo");
        var execute = Objects(show).Single(o => o["type"]?.GetValue<string>() == "Action.Execute" && o["verb"]?.GetValue<string>() == "report");
        // A client without Universal Actions sends the Action.Submit fallback: a message whose value is the data plus inputs.
        var submit = execute["fallback"]!["data"]!.DeepClone().AsObject();
        Assert.Equal("report", submit["verb"]!.GetValue<string>());
        var (_, period, _) = HandInForm(card);
        submit[CardVerbs.ReportPeriodInput] ??= period;
        submit[CardVerbs.ReportSummaryInput] = "Báo cáo qua Action.Submit";
        var a3 = (await h.Store.Assignments.GetAsync(Tenant, Plan82 + "-a3"))!;
        await h.SubmitAsync(Cuc, submit, replyToId: a3.CardActivityId);

        var (tenant, p, fileName, content, meta) = Assert.Single(library.Reports);
        Assert.Equal(Tenant, tenant);
        Assert.Equal(period, p);
        Assert.Equal("82/KH-THPT BK", meta.PlanNumber);
        Assert.Equal("Hồ Thị Thu Cúc", meta.Assignee);
        Assert.Equal(DateOnly.ParseExact(period, "yyyy-MM-dd"), meta.Deadline);
        Assert.StartsWith("Hồ Thị Thu Cúc - bao-cao-20230410-", fileName);
        Assert.Contains("Báo cáo qua Action.Submit", content);
        var report = Assert.Single(await h.Store.Reports.ListByAssignmentAsync(Tenant, a3.AssignmentId));
        Assert.StartsWith("https://contoso.sharepoint.com/sites/bk/Bao%20cao/", report.FileUri);
        Assert.False(Directory.Exists(Path.Combine(h.LibraryDir, Tenant, "Báo cáo"))); // nothing went to the local fallback
        var put = h.Connector.Posts.Last(x => x.ConversationId == Cuc.Conversation);
        Assert.Equal("PUT", put.Method);
        Assert.Contains("Đã nộp báo cáo ngày 10/04/2023", Json(put.Body));
    }
}
