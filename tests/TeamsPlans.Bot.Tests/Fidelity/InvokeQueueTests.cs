using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TeamsPlans.Bot.Cards;
using TeamsPlans.Bot.Sync;
using TeamsPlans.Bot.Tests.Conversation;
using TeamsPlans.GraphSync;
using TeamsPlans.GraphSync.Local;
using static TeamsPlans.Bot.Tests.Conversation.BotHarness;
using static TeamsPlans.Bot.Tests.Conversation.Scenario;

namespace TeamsPlans.Bot.Tests.Fidelity;

/// <summary>
/// Issue 19, the rest of the invoke budget: inside an invoke the bot only changes state and answers with the card. The plan
/// document's upload at publish (SharePoint), the old holder's card at a reassignment and the notices of a correction go
/// to the durable delivery queue. Here every Bot Connector call takes 16 s and the library 20 s on the harness clock: one
/// of them inside the invoke passes Teams' 15 s (<see cref="BotHarness.InvokeTimeLimit"/>).
/// </summary>
public sealed class InvokeQueueTests
{
    private const string A3 = Plan82 + "-a3";

    [Fact]
    public async Task Publishing_answers_within_Teams_invoke_limit_and_the_plan_document_is_uploaded_by_the_queue_once()
    {
        SlowLibrary? slow = null;
        await using var h = await StartAsync(services: s => s.AddSingleton<IDocumentLibrary>(sp => slow = new SlowLibrary(
            ActivatorUtilities.CreateInstance<LocalDocumentLibrary>(sp), (FakeTimeProvider)sp.GetRequiredService<TimeProvider>())));
        // The first upload fails (SharePoint 503): the queue keeps the work and tries again later.
        await PublishWithFailingUploadAsync(h, () => slow!);

        Assert.Equal(0, h.LateInvokes);
        Assert.Equal(1, slow!.Attempts);
        Assert.Equal(0, slow.Uploaded);

        h.Time.Advance(TimeSpan.FromMinutes(10));
        Assert.True(await h.DeliverQueuedAsync() >= 1);
        Assert.Equal(2, slow.Attempts);
        Assert.Equal(1, slow.Uploaded);
        var plan = (await h.Store.Plans.GetAsync(Tenant, Plan82))!;
        Assert.Equal(slow.LastUrl, plan.DocumentUri);
        // Idempotent: run again (a worker that crashed before recording it done), nothing is uploaded twice.
        var (_, again) = await h.Services.GetRequiredService<PlanMirror>().UploadDocumentAsync(Tenant, Plan82, CancellationToken.None);
        Assert.False(again);
        Assert.Equal(1, slow.Uploaded);
    }

    private static async Task PublishWithFailingUploadAsync(BotHarness h, Func<SlowLibrary> slow)
    {
        foreach (var u in new[] { Hung, Thanh, Lan, Cuc }) await h.InstallAsync(u);
        await h.SayAsync(Hung, "nhập kế hoạch 001");
        slow().FailNext = true;
        var data = ActionData(h.Connector.CardsIn(Hung.Conversation).Last(), "publish");
        data[CardVerbs.MapInputPrefix + A3] = Cuc.Aad;
        var (status, body) = await h.InvokeAsync(Hung, "publish", data);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(200, body["statusCode"]!.GetValue<int>());
        // The cards went out all the same.
        Assert.Contains(A3, Json(AssignmentCardOf(h, Cuc)));
    }

    /// <summary>A summary handed in from the card: recorded at once (the card answers), stored in the library by the queue,
    /// and only then the reviewer's card goes out, linking to the stored file.</summary>
    [Fact]
    public async Task Handing_in_a_report_from_the_card_answers_within_Teams_invoke_limit_and_the_queue_stores_it_then_asks_for_review()
    {
        SlowLibrary? slow = null;
        await using var h = await StartAsync(services: s => s.AddSingleton<IDocumentLibrary>(sp => slow = new SlowLibrary(
            ActivatorUtilities.CreateInstance<LocalDocumentLibrary>(sp), (FakeTimeProvider)sp.GetRequiredService<TimeProvider>())));
        await PublishAsync(h);
        var card = AssignmentCardOf(h, Cuc);
        var (_, current) = await h.InvokeAsync(Cuc, "refresh", ActionData(card, "refresh"), trigger: "automatic");

        var (status, answer) = await h.InvokeAsync(Cuc, "report", ReviewFlowTests.HandIn(current["value"]!.AsObject(), "Đã tổ chức 2 buổi sinh hoạt."));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(0, h.LateInvokes);
        Assert.Equal(200, answer["statusCode"]!.GetValue<int>());
        Assert.Equal(1, slow!.ReportUploads);
        var report = Assert.Single(await h.Store.Reports.ListByAssignmentAsync(Tenant, A3));
        Assert.Equal(slow.LastReportUrl, report.FileUri);
        var review = ReviewFlowTests.ReviewCardOf(h);
        Assert.Contains(Objects(review), o => o["type"]?.GetValue<string>() == "Action.OpenUrl"
            && o["url"]?.GetValue<string>() == new Uri(report.FileUri!).AbsoluteUri);
        Assert.Contains("Đã tổ chức 2 buổi sinh hoạt.", Json(review));
        // Done: nothing left to upload (the queue's copy and pending record are gone), a second run changes nothing.
        var (again, skipped) = await h.Services.GetRequiredService<TeamsPlans.Bot.Conversation.ReportUploads>()
            .UploadAsync(Tenant, report.ReportId, CancellationToken.None);
        Assert.Null(again);
        Assert.Equal("already stored", skipped);
        Assert.Equal(1, slow.ReportUploads);
    }

    [Fact]
    public async Task Reassigning_answers_within_Teams_invoke_limit_and_the_old_card_is_updated_by_the_queue()
    {
        await using var h = await StartAsync();
        await PublishAsync(h);
        var a3 = (await h.Store.Assignments.GetAsync(Tenant, A3))!;
        var (_, refreshed) = await h.InvokeAsync(Cuc, "refresh", ActionData(AssignmentCardOf(h, Cuc), "refresh"), trigger: "automatic");
        var data = ActionData(refreshed["value"]!.AsObject(), CardVerbs.Reassign);
        data[CardVerbs.ReassignToInput] = Lan.Aad;
        h.Connector.Latency = TimeSpan.FromSeconds(16);

        var (status, done) = await h.InvokeAsync(Hung, CardVerbs.Reassign, data);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(0, h.LateInvokes);
        Assert.Equal(200, done["statusCode"]!.GetValue<int>());
        var old = h.Connector.Posts.Last(p => p.ConversationId == Cuc.Conversation && p.Method == "PUT");
        Assert.Equal(a3.CardActivityId, old.ActivityId);
        Assert.Contains("Nhiệm vụ này đã chuyển cho Trần Thị Lan.", Json(old.Body));
    }

    [Fact]
    public async Task A_correction_answers_within_Teams_invoke_limit_and_the_withdrawn_holder_is_told_by_the_queue()
    {
        await using var h = await StartAsync();
        await PublishAsync(h);
        await h.Services.GetRequiredService<SyncLane>().WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(30));
        var a3 = (await h.Store.Assignments.GetAsync(Tenant, A3))!;
        var seed = await File.ReadAllTextAsync(SeedPath("001"));
        var line = seed.IndexOf("- Cô Hồ Thị Thu Cúc - Phó hiệu trưởng:", StringComparison.Ordinal);
        await File.WriteAllTextAsync(Path.Combine(h.LibraryDir, "82-bo.txt"), seed[..line] + seed[(seed.IndexOf('\n', line) + 1)..]);
        await h.SayAsync(Hung, "nhập kế hoạch 82-bo");
        var diff = h.Connector.CardsIn(Hung.Conversation).Last();
        h.Connector.Latency = TimeSpan.FromSeconds(16);
        var before = h.Connector.Posts.Count(p => p.ConversationId == Cuc.Conversation);

        var (status, body) = await h.InvokeAsync(Hung, CardVerbs.CorrectPlan, ActionData(diff, CardVerbs.CorrectPlan));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(0, h.LateInvokes);
        Assert.Equal(200, body["statusCode"]!.GetValue<int>());
        var after = h.Connector.Posts.Where(p => p.ConversationId == Cuc.Conversation).Skip(before).ToList();
        Assert.Contains(after, p => p.Method == "PUT" && p.ActivityId == a3.CardActivityId && Json(p.Body).Contains("Đã rút/thu hồi", StringComparison.Ordinal));
        Assert.Contains("không còn giao cho bạn", h.Connector.TextsIn(Cuc.Conversation).Last());
    }

    /// <summary>A library whose uploads take 20 s on the harness clock (SharePoint under load); <see cref="FailNext"/> makes
    /// the next plan upload fail with a 503 after that time.</summary>
    private sealed class SlowLibrary(IDocumentLibrary inner, FakeTimeProvider time) : IDocumentLibrary
    {
        public int Attempts;
        public int Uploaded;
        public bool FailNext;
        public string? LastUrl;

        public async Task<LibraryFile> UploadPlanDocumentAsync(string tenantId, string fileName, Stream content, PlanDocumentMetadata metadata,
            CancellationToken ct = default)
        {
            Interlocked.Increment(ref Attempts);
            time.Advance(TimeSpan.FromSeconds(20));
            if (FailNext)
            {
                FailNext = false;
                throw new GraphSyncException("serviceNotAvailable", "SharePoint đang bận (503)", "SharePoint is busy (503)");
            }
            var file = await inner.UploadPlanDocumentAsync(tenantId, fileName, content, metadata, ct);
            Interlocked.Increment(ref Uploaded);
            LastUrl = file.WebUrl;
            return file;
        }

        public int ReportUploads;
        public string? LastReportUrl;

        public async Task<LibraryFile> UploadReportAsync(string tenantId, string period, string fileName, Stream content, ReportMetadata metadata,
            CancellationToken ct = default)
        {
            time.Advance(TimeSpan.FromSeconds(20));
            var file = await inner.UploadReportAsync(tenantId, period, fileName, content, metadata, ct);
            Interlocked.Increment(ref ReportUploads);
            LastReportUrl = file.WebUrl;
            return file;
        }

        public Task<DiscoveredDocuments> PeekNewPlanDocumentsAsync(string tenantId, CancellationToken ct = default) => inner.PeekNewPlanDocumentsAsync(tenantId, ct);
        public Task CommitDiscoveryAsync(string tenantId, DiscoveredDocuments discovered, CancellationToken ct = default) =>
            inner.CommitDiscoveryAsync(tenantId, discovered, ct);
        public Task<Stream> OpenAsync(string tenantId, LibraryFile file, CancellationToken ct = default) => inner.OpenAsync(tenantId, file, ct);
        public Task<string> GetLinkAsync(string tenantId, string fileId, CancellationToken ct = default) => inner.GetLinkAsync(tenantId, fileId, ct);
    }
}
