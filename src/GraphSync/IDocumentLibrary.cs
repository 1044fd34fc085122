namespace TeamsPlans.GraphSync;

/// <summary>SharePoint document libraries (or a local folder): plan documents, reports, discovery of new plan documents.</summary>
public interface IDocumentLibrary
{
    /// <summary>Stores a plan document at a deterministic path (replacing an earlier copy) with its metadata.</summary>
    Task<LibraryFile> UploadPlanDocumentAsync(string tenantId, string fileName, Stream content, PlanDocumentMetadata metadata,
        CancellationToken ct = default);
    /// <summary>Stores a report under "&lt;plan number sanitized&gt;/&lt;period&gt;/fileName"
    /// (replacing an earlier copy) with its metadata.</summary>
    Task<LibraryFile> UploadReportAsync(string tenantId, string period, string fileName, Stream content, ReportMetadata metadata,
        CancellationToken ct = default);
    /// <summary>
    /// Plan documents added or changed in the plan library since the stored cursor (drive delta / folder scan), without
    /// moving the cursor: <see cref="CommitDiscoveryAsync"/> stores it once the documents are queued, so a crash in between
    /// finds them again (see <see cref="PlanDocumentInbox"/>).
    /// </summary>
    Task<DiscoveredDocuments> PeekNewPlanDocumentsAsync(string tenantId, CancellationToken ct = default);
    Task CommitDiscoveryAsync(string tenantId, DiscoveredDocuments discovered, CancellationToken ct = default);

    Task<Stream> OpenAsync(string tenantId, LibraryFile file, CancellationToken ct = default);
    /// <summary>A link to open the file (web URL).</summary>
    Task<string> GetLinkAsync(string tenantId, string fileId, CancellationToken ct = default);
}
