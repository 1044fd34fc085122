using Microsoft.Extensions.Hosting;
using TeamsPlans.Plans.Parsing;

namespace TeamsPlans.Bot.Features.Import;

/// <summary>
/// The local library folder ("Library:Root") that "nhập kế hoạch &lt;tên tệp&gt;" looks in: finds plan documents by (part
/// of) their file name, as one tenant sees them.
/// </summary>
internal sealed class LocalPlanLibrary(ConversationOptions options, IHostEnvironment env)
{
    public string LibraryRoot => Path.GetFullPath(Path.IsPathRooted(options.LibraryRoot) ? options.LibraryRoot : Path.Combine(env.ContentRootPath, options.LibraryRoot));

    /// <summary>The folder a principal of <paramref name="tenantId"/> drops plans into: "&lt;root&gt;/&lt;tenant&gt;/Kế hoạch", or the root for no tenant.</summary>
    public string LibraryFolder(string? tenantId) => tenantId is null
        ? LibraryRoot
        : Path.Combine(LibraryRoot, TeamsPlans.GraphSync.LibraryPaths.Sanitize(tenantId), options.PlanLibraryName);

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
        var fq = VietText.FoldWords(q);
        return files.Where(f => VietText.FoldWords(Path.GetFileName(f)).Contains(fq, StringComparison.Ordinal)).ToList();
    }
}
