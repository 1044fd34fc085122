using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TeamsPlans.Bot.Cards;
using TeamsPlans.Plans.Model;
using TeamsPlans.Storage;
using TeamsPlans.Bot.Features.Import;

namespace TeamsPlans.Bot.Conversation;

/// <summary>Result of an import: the stored plan and its assignments, or why nothing was imported.</summary>
public sealed record ImportOutcome(StoredPlan? Plan, IReadOnlyList<AssignmentRecord> Assignments, IReadOnlyList<string> Matches, bool AlreadyPublished)
{
    public bool Imported => Plan is not null && !AlreadyPublished;
}

/// <summary>
/// Chat import: finds a plan document in the library folder by (part of) its file name, reads it, stores the plan as
/// Draft with one assignment per duty (ids "{planId}-a{ordinal}"), and resolves assignees to tenant members.
/// A plan already Published is not overwritten.
/// </summary>
public sealed class PlanImporter(IStateStore store, IPlanDocumentReader reader, ConversationOptions options, IHostEnvironment env,
    TimeProvider time, ILogger<PlanImporter> logger)
{
    public string LibraryRoot => Path.GetFullPath(Path.IsPathRooted(options.LibraryRoot) ? options.LibraryRoot : Path.Combine(env.ContentRootPath, options.LibraryRoot));

    /// <summary>
    /// Library files whose name matches <paramref name="query"/> (folded; an exact file name wins), as seen by
    /// <paramref name="tenantId"/>. Files directly in the library folder (or in ordinary subfolders) are shared; a top-level
    /// folder holding a "Kế hoạch" or "Báo cáo" library (the per-tenant layout of the local document library,
    /// "&lt;root&gt;/&lt;tenant&gt;/Kế hoạch") belongs to that tenant and is offered to it only. Report folders are never offered.
    /// </summary>
    public IReadOnlyList<string> FindFiles(string? query, string? tenantId = null)
    {
        var root = LibraryRoot;
        if (!Directory.Exists(root)) return [];
        var own = tenantId is null ? null : TeamsPlans.GraphSync.LibraryPaths.Sanitize(tenantId);
        var tenantFolders = Directory.EnumerateDirectories(root)
            .Where(d => Directory.Exists(Path.Combine(d, options.PlanLibraryName)) || Directory.Exists(Path.Combine(d, options.ReportLibraryName)))
            .Select(Path.GetFileName).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => ConversationOptions.LibraryExtensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
            .Where(f =>
            {
                var parts = Path.GetRelativePath(root, f).Split(Path.DirectorySeparatorChar);
                // Reports handed in (local reports library under the same folder) are not plan documents.
                if (parts.Contains(options.ReportLibraryName, StringComparer.OrdinalIgnoreCase)) return false;
                // Another tenant's library folder is not visible.
                return parts.Length == 1 || !tenantFolders.Contains(parts[0]) || string.Equals(parts[0], own, StringComparison.Ordinal);
            })
            .OrderBy(f => f, StringComparer.Ordinal).ToList();
        if (string.IsNullOrWhiteSpace(query)) return files;
        var q = query.Trim();
        var exact = files.Where(f => string.Equals(Path.GetFileName(f), q, StringComparison.OrdinalIgnoreCase)
            || string.Equals(Path.GetFileNameWithoutExtension(f), q, StringComparison.OrdinalIgnoreCase)).ToList();
        if (exact.Count > 0) return exact;
        var fq = TextCommands.Fold(q);
        return files.Where(f => TextCommands.Fold(Path.GetFileName(f)).Contains(fq, StringComparison.Ordinal)).ToList();
    }

    public static string PlanIdFor(PlanDocument doc, string path)
    {
        var number = doc.Number;
        var source = !string.IsNullOrWhiteSpace(number) && number.Any(char.IsDigit) ? "kh " + number : "f " + Path.GetFileNameWithoutExtension(path);
        var sb = new StringBuilder();
        foreach (var c in TextCommands.Fold(source)) sb.Append(char.IsLetterOrDigit(c) ? c : '-');
        var id = sb.ToString().Trim('-');
        return id.Length > 80 ? id[..80] : id;
    }

    public static string AssignmentIdFor(string planId, int ordinal) => $"{planId}-a{ordinal}";

    public async Task<ImportOutcome> ImportAsync(string tenantId, string importerAadObjectId, string path, CancellationToken ct)
    {
        var doc = await reader.ReadAsync(path, ct).ConfigureAwait(false);
        var planId = PlanIdFor(doc, path);
        var existing = await store.Plans.GetAsync(tenantId, planId, ct).ConfigureAwait(false);
        if (existing is not null && existing.Status != PlanStatus.Draft)
        {
            var current = await store.Assignments.ListByPlanAsync(tenantId, planId, ct).ConfigureAwait(false);
            logger.LogInformation("Import of {Path} skipped: plan {PlanId} of {TenantId} is already {Status}", path, planId, tenantId, existing.Status);
            return new ImportOutcome(existing, current, [path], AlreadyPublished: true);
        }

        var now = time.GetUtcNow();
        var plan = new StoredPlan(tenantId, planId, doc, new Uri(Path.GetFullPath(path)).AbsoluteUri, PlanStatus.Draft,
            importerAadObjectId, existing?.CreatedAt ?? now, now);
        await store.Plans.UpsertAsync(plan, ct).ConfigureAwait(false);

        var members = await store.Members.ListAsync(tenantId, ct).ConfigureAwait(false);
        var previous = existing is null ? [] : await store.Assignments.ListByPlanAsync(tenantId, planId, ct).ConfigureAwait(false);
        var records = new List<AssignmentRecord>(doc.Assignments.Count);
        var ordinal = 0;
        foreach (var a in doc.Assignments)
        {
            ordinal++;
            var id = AssignmentIdFor(planId, ordinal);
            // A re-import of a draft keeps a mapping made by hand when the assignee text is the same.
            var kept = previous.FirstOrDefault(p => p.AssignmentId == id && p.Assignee == a.Assignee)?.MemberAadObjectId;
            var member = kept ?? AssigneeMatcher.Resolve(a.Assignee, members)?.AadObjectId;
            records.Add(new AssignmentRecord(tenantId, id, planId, ordinal, a.Assignee, a.Duty, a.Deadlines, member, AssignmentState.New, now));
        }
        if (records.Count > 0) await store.Assignments.UpsertManyAsync(records, ct).ConfigureAwait(false);
        logger.LogInformation("Imported {Path} as plan {PlanId} of {TenantId}: {Count} assignments, {Resolved} resolved",
            path, planId, tenantId, records.Count, records.Count(r => r.MemberAadObjectId is not null));
        return new ImportOutcome(plan, records, [path], AlreadyPublished: false);
    }

    /// <summary>The import preview card of a stored plan (with pickers for the unresolved assignees).</summary>
    public async Task<AdaptiveCard?> PreviewCardAsync(string tenantId, string planId, CardView view, CancellationToken ct)
    {
        var plan = await store.Plans.GetAsync(tenantId, planId, ct).ConfigureAwait(false);
        if (plan is null) return null;
        var list = await store.Assignments.ListByPlanAsync(tenantId, planId, ct).ConfigureAwait(false);
        var members = await store.Members.ListAsync(tenantId, ct).ConfigureAwait(false);
        var unresolved = list.Where(a => a.MemberAadObjectId is null)
            .Select(a => new UnresolvedAssignee(a, AssigneeMatcher.Rank(a.Assignee, members))).ToList();
        return ImportCards.ImportPreview(plan, list.OrderBy(a => a.Ordinal).ToList(), members.ToDictionary(m => m.AadObjectId), unresolved, view);
    }
}
