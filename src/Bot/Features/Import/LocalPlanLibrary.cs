using TeamsPlans.GraphSync.Local;
using TeamsPlans.Plans.Parsing;

namespace TeamsPlans.Bot.Features.Import;

/// <summary>
/// The local library folder (<see cref="LocalLibraryFolder"/>, the one library-path rule) that "nhập kế hoạch &lt;tên tệp&gt;"
/// looks in: finds plan documents by (part of) their file name, as one tenant sees them.
/// </summary>
internal sealed class LocalPlanLibrary(LocalLibraryFolder folder)
{
    public string LibraryRoot => folder.Root;

    /// <summary>The folder a principal of <paramref name="tenantId"/> drops plans into:
    /// "&lt;root&gt;/&lt;tenant&gt;/Kế hoạch", or the root for no tenant.</summary>
    public string LibraryFolder(string? tenantId) => tenantId is null ? LibraryRoot : folder.PlanFolder(tenantId);

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
            .Where(d => Directory.Exists(Path.Combine(d, folder.PlanLibrary)) || Directory.Exists(Path.Combine(d, folder.ReportLibrary)))
            .Select(Path.GetFileName).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => ConversationOptions.LibraryExtensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
            .Where(f =>
            {
                var parts = Path.GetRelativePath(root, f).Split(Path.DirectorySeparatorChar);
                // Reports handed in (local reports library under the same folder) are not plan documents.
                if (parts.Contains(folder.ReportLibrary, StringComparer.OrdinalIgnoreCase)) return false;
                // Another tenant's library folder is not visible.
                return parts.Length == 1 || !tenantFolders.Contains(parts[0]) || string.Equals(parts[0], own, StringComparison.Ordinal);
            })
            .OrderBy(f => f, StringComparer.Ordinal).ToList();
        if (string.IsNullOrWhiteSpace(query)) return files;
        var q = query.Trim();
        var exact = files.Where(f => string.Equals(Path.GetFileName(f), q, StringComparison.OrdinalIgnoreCase)
            || string.Equals(Path.GetFileNameWithoutExtension(f), q, StringComparison.OrdinalIgnoreCase)).ToList();
        if (exact.Count > 0) return exact;
        var fq = VietText.FoldWords(q);
        return files.Where(f => VietText.FoldWords(Path.GetFileName(f)).Contains(fq, StringComparison.Ordinal)).ToList();
    }
}
