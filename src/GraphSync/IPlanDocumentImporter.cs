namespace TeamsPlans.GraphSync;

/// <summary>Implemented by the bot/importer: a plan document was dropped in the plan library.</summary>
public interface IPlanDocumentImporter
{
    Task ImportAsync(string tenantId, LibraryFile file, Stream content, CancellationToken ct);
}
