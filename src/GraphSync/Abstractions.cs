namespace TeamsPlans.GraphSync;

/// <summary>Metadata kept with a plan document in the "Kế hoạch" library.</summary>
public sealed record PlanDocumentMetadata(string PlanNumber, string? Issuer, int? PlanYear, string Title, string Status);

/// <summary>Metadata kept with a report in the "Báo cáo" library.</summary>
public sealed record ReportMetadata(string PlanNumber, string Assignee, DateOnly? Deadline, DateTimeOffset SubmittedAt);

/// <summary>A file in a document library (SharePoint drive item or local file). Metadata keys are the column names.</summary>
public sealed record LibraryFile(string Id, string Name, string Path, string WebUrl, long Size, IReadOnlyDictionary<string, string?> Metadata)
{
    /// <summary>The content version (SharePoint cTag/eTag, local size+mtime): a new version is a new import.</summary>
    public string? Version { get; init; }
}

/// <summary>Documents found by a discovery pass, and the cursor to store once they are safely queued.</summary>
public sealed record DiscoveredDocuments(IReadOnlyList<LibraryFile> Files, TeamsPlans.Storage.SyncEntry? Cursor);

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

internal static class DocumentLibraryExtensions
{
    /// <summary>Peek + commit: the plan documents new since the last call (for imports use <see cref="PlanDocumentInbox"/>).</summary>
    public static async Task<IReadOnlyList<LibraryFile>> DiscoverNewPlanDocumentsAsync(this IDocumentLibrary library, string tenantId,
        CancellationToken ct = default)
    {
        var d = await library.PeekNewPlanDocumentsAsync(tenantId, ct);
        await library.CommitDiscoveryAsync(tenantId, d, ct);
        return d.Files;
    }
}

/// <summary>A board (Planner plan or local board) for one imported plan.</summary>
public sealed record BoardRef(string TenantId, string PlanId, string BoardId);

/// <summary>
/// One task as TeamsPlans wants it. Key is deterministic (assignment id, or assignment id + deadline index);
/// PercentComplete null = leave progress alone. DueAt is an instant (see <see cref="PlannerDueDates"/>).
/// </summary>
public sealed record BoardTask(
    string Key, string Title, string Bucket, DateTimeOffset? DueAt, IReadOnlyList<string> AssigneeIds,
    IReadOnlyList<string> Checklist, string? ReferenceUrl, string? ReferenceAlias, int? PercentComplete, string Description)
{
    public string? AssignmentId { get; init; }
    /// <summary>The official state code (<see cref="PlannerLabels"/>) shown as the task's label; null = leave labels alone.</summary>
    public string? Label { get; init; }
}

public enum RemoteChangeKind { Progress, DueDate, Title, Assignees }

/// <summary>A change made on the remote side (Planner) that TeamsPlans should take over (refresh the member's card).</summary>
public sealed record RemoteChange(
    string TenantId, string PlanId, string TaskKey, string? AssignmentId, string RemoteId, RemoteChangeKind Kind,
    int PercentComplete, DateTimeOffset? DueAt, string Title, IReadOnlyList<string> AssigneeIds);

public sealed record UpsertSummary(int Created, int Updated, int Adopted, int Unchanged, int Conflicts, IReadOnlyList<RemoteChange> RemoteChanges);

public interface ITaskBoard
{
    /// <summary>Creates (or finds) the board of a plan. Idempotent.</summary>
    Task<BoardRef> EnsureBoardAsync(string tenantId, string planId, string title, CancellationToken ct = default);
    /// <summary>Creates missing buckets; returns name → bucket id. Limit: 200 buckets per plan.</summary>
    Task<IReadOnlyDictionary<string, string>> EnsureBucketsAsync(BoardRef board, IReadOnlyList<string> names, CancellationToken ct = default);
    /// <summary>
    /// Creates or updates tasks. Only fields that changed on our side since the last sync are written; a concurrent
    /// remote edit is merged field by field (three-way) and reported, never overwritten silently.
    /// </summary>
    Task<UpsertSummary> UpsertTasksAsync(BoardRef board, IReadOnlyList<BoardTask> tasks, CancellationToken ct = default);
    /// <summary>Sets progress of one task (0/50/100), merging with concurrent remote edits.</summary>
    Task<UpsertSummary> SetProgressAsync(BoardRef board, string taskKey, int percentComplete, CancellationToken ct = default);
    /// <summary>Sets progress and the official-state label (<see cref="PlannerLabels"/>; null = leave it) of one task.</summary>
    Task<UpsertSummary> SetProgressAsync(BoardRef board, string taskKey, int percentComplete, string? label, CancellationToken ct = default);
    /// <summary>Remote changes since the last read (compares ETags with the stored snapshot).</summary>
    Task<IReadOnlyList<RemoteChange>> ReadChangesAsync(BoardRef board, CancellationToken ct = default);
}

public sealed record DirectoryUser(string Id, string DisplayName, string? JobTitle, string? Department, string? Mail);

public enum ResolutionStatus { Resolved, Unresolved, Ambiguous }

/// <summary>Outcome of resolving an assignee; Candidates lists the possibilities when ambiguous.</summary>
public sealed record AssigneeResolution(string Query, ResolutionStatus Status, IReadOnlyList<DirectoryUser> Users,
    IReadOnlyList<DirectoryUser> Candidates, string? MessageVi, string? MessageEn);

public interface IDirectory
{
    /// <summary>Resolves an assignee (person name with or without diacritics, job title, department, or group) to users.</summary>
    Task<AssigneeResolution> ResolveAsync(string tenantId, TeamsPlans.Plans.Model.Assignee assignee, CancellationToken ct = default);
}

/// <summary>A Graph sync error with a Vietnamese message first and an English one second.</summary>
public class GraphSyncException(string code, string messageVi, string messageEn, Exception? inner = null)
    : Exception($"{messageVi} / {messageEn}", inner)
{
    public string Code { get; } = code;
    public string MessageVi { get; } = messageVi;
    public string MessageEn { get; } = messageEn;
    /// <summary>Set when Graph throttled the request (429/503) beyond the in-request retries: wait at least this long.</summary>
    public TimeSpan? RetryAfter { get; init; }
}

/// <summary>A Planner limit would be exceeded (20 assignees, 9000 tasks per plan, 200 buckets, 20 checklist items).</summary>
internal sealed class PlannerLimitException(string code, string messageVi, string messageEn) : GraphSyncException(code, messageVi, messageEn);

internal static class PlannerLimits
{
    public const int MaxAssigneesPerTask = 20;
    public const int MaxTasksPerPlan = 9000;
    public const int MaxBucketsPerPlan = 200;
    public const int MaxChecklistItems = 20;
    public const int MaxTitleLength = 255;
    /// <summary>Planner limits page: at most 2,400 tasks not completed per plan (newer page: 3,000; the lower is kept).</summary>
    public const int MaxActiveTasksPerPlan = 2400;
    /// <summary>Planner limits page: at most 200 plans owned by a group (newer page: 400; the lower is kept).</summary>
    public const int MaxPlansPerGroup = 200;
    /// <summary>Planner limits page: at most 10 references on a task (newer page: 15). TeamsPlans writes one.</summary>
    public const int MaxReferencesPerTask = 10;
}
