using Microsoft.Extensions.Configuration;

namespace TeamsPlans.GraphSync.Local;

/// <summary>
/// The one rule for where the local library folder is (local mode: the embedded equivalent of the SharePoint libraries,
/// and the folder the chat import "nhập kế hoạch &lt;tên tệp&gt;" reads). The root is "GraphSync:LocalRoot", or
/// "Library:Root" when that alone is set, or "data/library"; a relative root is relative to the host's content root
/// (the bot's <c>src/Bot</c>), never to the process's working directory. Each tenant has its own folder
/// "&lt;root&gt;/&lt;tenant&gt;" holding the plan library ("GraphSync:PlanLibrary", default "Kế hoạch": a document
/// dropped there is imported for that tenant) and the reports library ("GraphSync:ReportLibrary", default "Báo cáo").
/// </summary>
public sealed class LocalLibraryFolder
{
    public const string DefaultRoot = "data/library";

    public LocalLibraryFolder(string root, string planLibrary = "Kế hoạch", string reportLibrary = "Báo cáo", string unitLibrary = "Đơn vị")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        Root = Path.GetFullPath(root);
        PlanLibrary = string.IsNullOrWhiteSpace(planLibrary) ? "Kế hoạch" : planLibrary;
        ReportLibrary = string.IsNullOrWhiteSpace(reportLibrary) ? "Báo cáo" : reportLibrary;
        UnitLibrary = string.IsNullOrWhiteSpace(unitLibrary) ? "Đơn vị" : unitLibrary;
    }

    /// <summary>The library root, absolute.</summary>
    public string Root { get; }
    public string PlanLibrary { get; }
    public string ReportLibrary { get; }
    /// <summary>"GraphSync:UnitLibrary", default "Đơn vị": the folder a unit list (.xlsx / .csv) is dropped into.</summary>
    public string UnitLibrary { get; }

    /// <summary>"&lt;root&gt;/&lt;tenant&gt;": the tenant's own folder (the tenant id made path-safe).</summary>
    public string TenantFolder(string tenantId) => Path.Combine(Root, LibraryPaths.Sanitize(tenantId));

    /// <summary>"&lt;root&gt;/&lt;tenant&gt;/&lt;library&gt;".</summary>
    public string LibraryFolder(string tenantId, string library) => Path.Combine(TenantFolder(tenantId), library);

    /// <summary>"&lt;root&gt;/&lt;tenant&gt;/Kế hoạch": the folder a plan document is dropped into to be imported for the tenant.</summary>
    public string PlanFolder(string tenantId) => LibraryFolder(tenantId, PlanLibrary);

    /// <summary>"&lt;root&gt;/&lt;tenant&gt;/Báo cáo".</summary>
    public string ReportFolder(string tenantId) => LibraryFolder(tenantId, ReportLibrary);

    /// <summary>"&lt;root&gt;/&lt;tenant&gt;/Đơn vị": the folder a unit list is dropped into to fill the tenant's unit directory.</summary>
    public string UnitFolder(string tenantId) => LibraryFolder(tenantId, UnitLibrary);

    /// <summary>The folder configured in <paramref name="configuration"/>; a relative root is taken against <paramref name="contentRoot"/>.</summary>
    public static LocalLibraryFolder From(IConfiguration configuration, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var root = configuration["GraphSync:LocalRoot"] is { Length: > 0 } g ? g
            : configuration["Library:Root"] is { Length: > 0 } l ? l
            : DefaultRoot;
        var full = Path.IsPathRooted(root) ? root : Path.Combine(contentRoot, root);
        return new LocalLibraryFolder(full, configuration["GraphSync:PlanLibrary"] ?? "", configuration["GraphSync:ReportLibrary"] ?? "",
            configuration["GraphSync:UnitLibrary"] ?? "");
    }
}
