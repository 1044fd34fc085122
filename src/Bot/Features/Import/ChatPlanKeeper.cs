using TeamsPlans.Bot.Security;
using TeamsPlans.GraphSync;

namespace TeamsPlans.Bot.Features.Import;

/// <summary>
/// A plan document a principal sent in chat and chose to import is kept in the tenant's plan library ("Kế hoạch": the
/// local library folder in local mode, SharePoint in Graph mode, through <see cref="IDocumentLibrary"/>), like one dropped
/// into the folder. The library path is deterministic (the plan number), so a re-send of the same plan replaces its copy
/// instead of storing it twice; the copy is marked as the bot's own, so the library's discovery does not import it again.
/// The document of a plan already published is not replaced here (a correction is only a proposal until confirmed).
/// </summary>
internal sealed class ChatPlanKeeper(ReportLibrary library, IPlanDocumentReader reader, IStateStore store, ILogger<ChatPlanKeeper> logger)
{
    public const string Kind = "chat-file";

    /// <summary>Stores <paramref name="content"/> in the plan library; the source the imported plan links to (the library copy).</summary>
    public async Task<PlanSource> KeepAsync(string tenantId, MemoryStream content, string name, CancellationToken ct)
    {
        try
        {
            content.Position = 0;
            var doc = await reader.ReadAsync(content, name, ct).ConfigureAwait(false);
            var existing = await store.Plans.GetAsync(tenantId, PlanIds.For(doc, name), ct).ConfigureAwait(false);
            if (existing is { Status: not PlanStatus.Draft }) return new PlanSource(Kind, "");
            var meta = new PlanDocumentMetadata(doc.Number ?? Path.GetFileNameWithoutExtension(name), doc.Issuer,
                doc.Year ?? doc.IssuedOn?.Year, doc.Title, PlanStatus.Draft.ToString());
            content.Position = 0;
            var file = await library.Library.UploadPlanDocumentAsync(tenantId, name, content, meta, ct).ConfigureAwait(false);
            logger.LogInformation("Plan file {FileName} sent in chat kept in the plan library of {TenantId} as {FileId}",
                LogText.Clean(name, 120), tenantId, file.Id);
            return new PlanSource(Kind, file.WebUrl);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Unreadable: the import says why. Library down: the plan is imported all the same, linked to no copy.
            logger.LogWarning(e, "Plan file {FileName} of {TenantId} not kept in the plan library", LogText.Clean(name, 120), tenantId);
            return new PlanSource(Kind, "");
        }
        finally
        {
            content.Position = 0;
        }
    }
}
