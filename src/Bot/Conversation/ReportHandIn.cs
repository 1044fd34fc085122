using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TeamsPlans.Bot.Cards;
using TeamsPlans.Bot.Protocol;
using TeamsPlans.GraphSync;
using TeamsPlans.GraphSync.Local;
using TeamsPlans.Plans.Scheduling;
using TeamsPlans.Storage;

namespace TeamsPlans.Bot.Conversation;

/// <summary>A file a member sent in chat: its name and where to download it.</summary>
internal sealed record ReportFile(string Name, string Url);

/// <summary>A hand-in that could not be done, with a Vietnamese and an English message.</summary>
internal sealed class ReportHandInException(string code, string vi, string en, Exception? inner = null) : Exception($"{vi} / {en}", inner)
{
    public string Code { get; } = code;
    public string Vi { get; } = vi;
    public string En { get; } = en;

    /// <summary>The status the bot words the refusal with (the invoke answer maps it to the documented 400 / 500).</summary>
    public int Status => Code switch { "tooBig" => 413, "empty" => 400, FileGone => 410, _ => 502 };

    /// <summary>The code of a kept file whose copy is gone: the member sends it again.</summary>
    public const string FileGone = "FileGone";
}

/// <summary>
/// The reports library the conversation layer writes to: the registered <see cref="IDocumentLibrary"/> (GraphSync:
/// SharePoint "Báo cáo" library in graph mode, local folder in local mode), or — when none is registered — a
/// <see cref="LocalDocumentLibrary"/> configured from section "GraphSync" (LocalRoot defaults to "Library:Root").
/// Resolved on first use, so registration order does not matter.
/// </summary>
internal sealed class ReportLibrary
{
    private readonly Lazy<IDocumentLibrary> _library;

    public ReportLibrary(IServiceProvider services, IConfiguration configuration, IHostEnvironment env,
        IStateStore store, TimeProvider time, ILoggerFactory loggers)
    {
        _library = new Lazy<IDocumentLibrary>(() =>
        {
            if (services.GetService<IDocumentLibrary>() is { } registered) return registered;
            var o = new GraphSyncOptions();
            configuration.GetSection("GraphSync").Bind(o);
            var folder = services.GetService<LocalLibraryFolder>() ?? LocalLibraryFolder.From(configuration, env.ContentRootPath);
            loggers.CreateLogger<ReportLibrary>()
                .LogInformation("No IDocumentLibrary registered: reports go to the local library {Root}", folder.Root);
            return new LocalDocumentLibrary(folder, Options.Create(o), store.Sync, time, loggers.CreateLogger<LocalDocumentLibrary>());
        });
    }

    public IDocumentLibrary Library => _library.Value;
}

/// <summary>
/// Hands in reports: a summary/link from the assignment card (stored as a small Markdown file), or a file the member sent
/// to the bot (downloaded with a size limit). Both are stored in the reports library under "&lt;plan number&gt;/&lt;period&gt;/"
/// and recorded as <see cref="ReportSubmission"/> (period = due date "yyyy-MM-dd", the roll-up key).
/// Also remembers, per member, the assignment last reported from a card (the next file goes there) and a file waiting
/// for the member to say which assignment it answers (state store, scopes "report-target" and "report-file", 24 hours).
/// </summary>
internal sealed class ReportHandIn(IStateStore store, ReportLibrary library, TeamsPlans.Bot.Downloads.ReportDownloader downloader,
    ConversationOptions options, TimeProvider time, ILogger<ReportHandIn> logger, ReportUploads uploads, IEnumerable<IReportHandInSink>? sinks = null)
{
    public const string TeamsFileDownloadInfo = "application/vnd.microsoft.teams.file.download.info";
    public static readonly TimeSpan PendingTtl = TimeSpan.FromHours(24);
    private const string TargetScope = "report-target";
    private const string FileScope = "report-file";

    /// <summary>
    /// The first file attachment of a message: Teams file download info (a file shared in the personal chat), or a plain
    /// attachment with contentUrl (other channels, the emulator) when the message has no text — so an image pasted next to
    /// a typed command does not turn the command into a hand-in.
    /// </summary>
    public static ReportFile? FileOf(Activity activity)
    {
        foreach (var a in activity.Attachments ?? [])
        {
            if (string.Equals(a.ContentType, TeamsFileDownloadInfo, StringComparison.OrdinalIgnoreCase))
            {
                var url = a.Content is System.Text.Json.Nodes.JsonObject c && c["downloadUrl"] is System.Text.Json.Nodes.JsonValue v
                    && v.TryGetValue<string>(out var u) ? u : a.ContentUrl;
                return new ReportFile(FileName(a.Name), url ?? "");
            }
            if (string.IsNullOrWhiteSpace(a.ContentUrl) || !string.IsNullOrWhiteSpace(TextCommands.CleanMentions(activity.Text ?? ""))) continue;
            var type = a.ContentType ?? "";
            if (type.StartsWith("application/vnd.microsoft.card", StringComparison.OrdinalIgnoreCase)
                || type.StartsWith("text/html", StringComparison.OrdinalIgnoreCase)) continue;
            return new ReportFile(FileName(a.Name), a.ContentUrl);
        }
        return null;
    }

    private static string FileName(string? name)
    {
        var n = Path.GetFileName((name ?? "").Replace('\\', '/'));
        return string.IsNullOrWhiteSpace(n) ? "bao-cao" : n.Trim();
    }

    public async Task<ReportSubmission> HandInSummaryAsync(StoredPlan plan, AssignmentRecord a, string userKey, string submitter, ReportPeriod period,
        string? summary, string? link, string? activityId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var vnNow = VietnamTime.Local(now);
        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"# Báo cáo / Report")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"- Kế hoạch / Plan: {plan.Number ?? plan.PlanId} — {plan.Title}")
            .AppendLine(CultureInfo.InvariantCulture, $"- Nhiệm vụ / Duty: {a.Duty}")
            .AppendLine(CultureInfo.InvariantCulture,
                $"- Kỳ hạn / Deadline: {DueFormat.Date(period.Due)}{(string.IsNullOrWhiteSpace(period.What) ? "" : " — " + period.What)}")
            .AppendLine(CultureInfo.InvariantCulture, $"- Người nộp / Submitted by: {submitter}")
            .AppendLine(CultureInfo.InvariantCulture, $"- Ngày nộp / Submitted on: {vnNow:dd/MM/yyyy HH:mm}")
            .AppendLine();
        if (!string.IsNullOrWhiteSpace(summary)) text.AppendLine("## Tóm tắt / Summary").AppendLine().AppendLine(summary.Trim()).AppendLine();
        if (!string.IsNullOrWhiteSpace(link)) text.AppendLine(CultureInfo.InvariantCulture, $"Liên kết / Link: {link.Trim()}");
        var fileName = $"{submitter} - bao-cao-{vnNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}.md";
        await using var content = new MemoryStream(Encoding.UTF8.GetBytes(text.ToString()));
        return await StoreAsync(plan, a, userKey, submitter, period, fileName, content, activityId, ct, fromChat: false, summary, deferUpload: true)
            .ConfigureAwait(false);
    }

    public async Task<ReportSubmission> HandInFileAsync(StoredPlan plan, AssignmentRecord a, string userKey, string submitter, ReportPeriod period,
        ReportFile file, string? activityId, CancellationToken ct, bool deferUpload = false)
    {
        await using var content = await DownloadAsync(file, ct).ConfigureAwait(false);
        if (content.Length == 0)
        {
            var name = TeamsPlans.Bot.Security.EchoText.Cap(file.Name);
            throw new ReportHandInException("empty", Features.Reports.ReportTexts.EmptyFileVi(name), Features.Reports.ReportTexts.EmptyFileEn(name));
        }
        return await StoreAsync(plan, a, userKey, submitter, period, $"{submitter} - {file.Name}", content, activityId, ct, fromChat: true, null,
            deferUpload)
            .ConfigureAwait(false);
    }

    private async Task<ReportSubmission> StoreAsync(StoredPlan plan, AssignmentRecord a, string userKey, string submitter, ReportPeriod period,
        string fileName, Stream content, string? activityId, CancellationToken ct, bool fromChat, string? summary, bool deferUpload = false)
    {
        var now = time.GetUtcNow();
        var reportId = activityId is { Length: > 0 }
            ? $"{a.AssignmentId}|{period.Key}|{activityId}"
            : $"{a.AssignmentId}|{period.Key}|{Guid.NewGuid():N}";
        ReportSubmission report;
        if (deferUpload)
        {
            // Inside an invoke: recorded now, uploaded by the delivery queue (ReportUploads).
            report = await uploads.QueueAsync(plan, a, new ReportSubmission(plan.TenantId, reportId, a.AssignmentId, period.Key, fileName, null,
                userKey, now),
                period, submitter, content, ct).ConfigureAwait(false);
        }
        else
        {
            LibraryFile stored;
            try
            {
                stored = await library.Library.UploadReportAsync(plan.TenantId, period.Key, fileName, content,
                    new ReportMetadata(plan.Number ?? plan.PlanId, submitter, period.Due, now), ct).ConfigureAwait(false);
            }
            catch (Exception e) when (e is GraphSyncException or IOException or UnauthorizedAccessException or HttpRequestException)
            {
                logger.LogError(e, "Report of {AssignmentId} in {TenantId} could not be stored in the library", a.AssignmentId, plan.TenantId);
                throw new ReportHandInException("library", "Không lưu được báo cáo vào thư viện, vui lòng thử lại sau.",
                    "The report could not be stored in the library; please try again later.", e);
            }
            report = new ReportSubmission(plan.TenantId, reportId, a.AssignmentId, period.Key, stored.Name, stored.WebUrl, userKey, now);
            await store.Reports.AddAsync(report, ct).ConfigureAwait(false);
        }
        logger.LogInformation("Report {ReportId} for {AssignmentId} of {PlanId} in {TenantId}, period {Period}, by {AadObjectId}: {FileName}",
            report.ReportId, a.AssignmentId, plan.PlanId, plan.TenantId, period.Key, userKey, report.FileName);
        foreach (var sink in sinks ?? [])
        {
            try { await sink.OnReportHandedInAsync(plan, a, report, submitter, summary, fromChat, ct).ConfigureAwait(false); }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Report sink {Sink} failed for {ReportId} of {AssignmentId} in {TenantId}", sink.GetType().Name, report.ReportId,
                    a.AssignmentId, plan.TenantId);
            }
        }
        return report;
    }

    /// <summary>Downloads a file into memory through the guarded <see cref="TeamsPlans.Bot.Downloads.ReportDownloader"/> (https, Teams file
    /// hosts, connect-time address checks), refusing more than <see cref="ConversationOptions.MaxReportBytes"/>.</summary>
    public Task<MemoryStream> DownloadAsync(ReportFile file, CancellationToken ct)
        => downloader.DownloadAsync(file, options.MaxReportBytes, ct);

    // ------------------------------------------------------------------ pending target / file

    private sealed record Target(string AssignmentId, string Period);
    private sealed record PendingFile(string Name, string Url, string? ActivityId);

    /// <summary>The copy of the member's pending file, taken when it arrived (one per member).</summary>
    private string SpoolPath(string tenantId, string userKey) => Path.Combine(Path.GetFullPath(options.PendingFileRoot),
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(tenantId + "|" + userKey)))[..32] + ".bin");

    /// <summary>
    /// The file kept for the member's choice, stored as the report of <paramref name="a"/>: the copy taken when it arrived
    /// (Teams' download links are short-lived, and an invoke has 10–15 s). Copy gone: <see cref="PendingCopyAsync"/>.
    /// </summary>
    public async Task<ReportSubmission> HandInPendingFileAsync(StoredPlan plan, AssignmentRecord a, string userKey, string submitter,
        ReportPeriod period,
        ReportFile file, string? activityId, CancellationToken ct)
    {
        await using var content = await PendingCopyAsync(plan.TenantId, userKey, file, ct).ConfigureAwait(false);
        return await StoreAsync(plan, a, userKey, submitter, period, $"{submitter} - {file.Name}", content, activityId, ct, fromChat: true, null,
            deferUpload: true)
            .ConfigureAwait(false);
    }

    /// <summary>
    /// The copy of the member's pending file taken when it arrived. Never downloaded again here (this runs inside a click):
    /// when the copy is gone (spool cleared, host restarted on fresh disk) the pending record is forgotten and
    /// <see cref="ReportHandInException.FileGone"/> asks the member to send the file again.
    /// </summary>
    public bool HasPendingCopy(string tenantId, string userKey) => File.Exists(SpoolPath(tenantId, userKey));

    public async Task<Stream> PendingCopyAsync(string tenantId, string userKey, ReportFile file, CancellationToken ct)
    {
        var spool = SpoolPath(tenantId, userKey);
        if (File.Exists(spool)) return File.OpenRead(spool);
        throw await ForgetGoneCopyAsync(tenantId, userKey, file, ct).ConfigureAwait(false);
    }

    /// <summary>The pending record of a file whose copy is gone is forgotten; the error asks the member to send it again.</summary>
    public async Task<ReportHandInException> ForgetGoneCopyAsync(string tenantId, string userKey, ReportFile file, CancellationToken ct)
    {
        logger.LogWarning("Copy of the pending file {FileName} of {AadObjectId} in {TenantId} is gone: asked to send it again",
            TeamsPlans.Bot.Security.LogText.Clean(file.Name, 120), userKey, tenantId);
        await store.Sync.DeleteAsync(tenantId, FileScope, userKey, ct).ConfigureAwait(false);
        var name = TeamsPlans.Bot.Security.EchoText.Cap(file.Name);
        return new ReportHandInException(ReportHandInException.FileGone, Features.Reports.ReportTexts.CopyGoneVi(name),
            Features.Reports.ReportTexts.CopyGoneEn(name));
    }

    /// <summary>Remembers the assignment and period the member last reported for from a card: a file sent next goes there.</summary>
    public Task SetTargetAsync(string tenantId, string userKey, string assignmentId, string period, CancellationToken ct) =>
        store.Sync.PutAsync(new SyncEntry(tenantId, TargetScope, userKey, assignmentId, null,
            JsonSerializer.Serialize(new Target(assignmentId, period)), time.GetUtcNow()), ct);

    public async Task<(string AssignmentId, string Period)?> GetTargetAsync(string tenantId, string userKey, CancellationToken ct)
    {
        var e = await store.Sync.GetAsync(tenantId, TargetScope, userKey, ct).ConfigureAwait(false);
        if (e?.DataJson is null || time.GetUtcNow() - e.UpdatedAt > PendingTtl) return null;
        var t = JsonSerializer.Deserialize<Target>(e.DataJson);
        return t is null ? null : (t.AssignmentId, t.Period);
    }

    /// <summary>Keeps a file until the member says which assignment it answers: downloaded now (the link is short-lived),
    /// spooled under <see cref="ConversationOptions.PendingFileRoot"/>; refused files throw <see cref="ReportHandInException"/>.</summary>
    public async Task SavePendingFileAsync(string tenantId, string userKey, ReportFile file, string? activityId, CancellationToken ct)
    {
        await using (var content = await DownloadAsync(file, ct).ConfigureAwait(false))
        {
            if (content.Length == 0)
            {
                var name = TeamsPlans.Bot.Security.EchoText.Cap(file.Name);
                throw new ReportHandInException("empty", Features.Reports.ReportTexts.EmptyFileVi(name),
                    Features.Reports.ReportTexts.EmptyFileEn(name));
            }
            var spool = SpoolPath(tenantId, userKey);
            Directory.CreateDirectory(Path.GetDirectoryName(spool)!);
            await using var f = File.Create(spool);
            await content.CopyToAsync(f, ct).ConfigureAwait(false);
        }
        await store.Sync.PutAsync(new SyncEntry(tenantId, FileScope, userKey, file.Name, null,
            JsonSerializer.Serialize(new PendingFile(file.Name, file.Url, activityId)), time.GetUtcNow()), ct).ConfigureAwait(false);
    }

    /// <summary>The file waiting for the member's choice (not removed: a failed hand-in can be retried).</summary>
    public async Task<(ReportFile File, string? ActivityId)?> PendingFileAsync(string tenantId, string userKey, CancellationToken ct)
    {
        var e = await store.Sync.GetAsync(tenantId, FileScope, userKey, ct).ConfigureAwait(false);
        if (e?.DataJson is null || time.GetUtcNow() - e.UpdatedAt > PendingTtl) return null;
        var f = JsonSerializer.Deserialize<PendingFile>(e.DataJson);
        return f is null ? null : (new ReportFile(f.Name, f.Url), f.ActivityId);
    }

    public Task ClearPendingFileAsync(string tenantId, string userKey, CancellationToken ct)
    {
        try { File.Delete(SpoolPath(tenantId, userKey)); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { logger.LogWarning(e,
            "Pending file copy of {AadObjectId} not deleted", userKey); }
        return store.Sync.DeleteAsync(tenantId, FileScope, userKey, ct);
    }
}
