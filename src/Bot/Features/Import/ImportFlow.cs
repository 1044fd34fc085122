using TeamsPlans.Bot.Security;

namespace TeamsPlans.Bot.Features.Import;

/// <summary>
/// What a principal sees after importing a document in chat (a library file named with "nhập kế hoạch", or a file sent
/// to the bot): the preview card, or why the document could not be read. A document of a plan already published goes
/// to <see cref="IPublishedPlanRevision"/> (the correction diff) when one is registered.
/// </summary>
internal sealed class ImportFlow(PlanImportService importer, ILogger<ImportFlow> logger, IPublishedPlanRevision? revision = null)
{
    public async Task<AdaptiveCard> ImportAsync(TurnState state, Stream content, string name, string shownName, PlanSource source,
        CancellationToken ct)
    {
        var (view, tenantId, texts) = (state.View, state.TenantId, ImportTexts.For(state.Vi));
        try
        {
            var outcome = await importer.ImportAsync(tenantId, state.Member!.AadObjectId, content, name, source, ct).ConfigureAwait(false);
            if (outcome is { AlreadyPublished: true, Plan: { } published, Revised: { } revised } && revision is not null
                && await revision.DiffCardAsync(state, published, revised, name, ct, outcome.AmendingNumber).ConfigureAwait(false) is { } diff)
                return diff;
            var notes = outcome.AlreadyPublished
                ? PreviewNotes.Above(new TextBlock(texts.AlreadyPublished) { Color = "warning", Weight = "bolder" })
                : null;
            return (await importer.PreviewCardAsync(tenantId, outcome.Plan!.PlanId, view, ct, notes).ConfigureAwait(false))!;
        }
        catch (Exception e) when (e is Plans.Reading.PlanReadException or IOException or UnauthorizedAccessException or FormatException
            or InvalidDataException or NotSupportedException or InvalidOperationException or ArgumentException)
        {
            logger.LogWarning(e, "Import of {File} in {TenantId} failed", LogText.Clean(name, 120), tenantId);
            return PlanCards.Notice(texts.Unreadable(shownName), [e.Message], view, "attention");
        }
    }
}
