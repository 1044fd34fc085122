namespace TeamsPlans.GraphSync;

/// <summary>Configuration section "GraphSync".</summary>
public sealed class GraphSyncOptions
{
    /// <summary>"local" (embedded: folder library + board in the state store) or "graph" (SharePoint + Planner).</summary>
    public string Mode { get; set; } = "local";
    public string BaseUrl { get; set; } = "https://graph.microsoft.com/v1.0";
    /// <summary>The school's Microsoft 365 group (Planner plans live in it).</summary>
    public string? GroupId { get; set; }
    /// <summary>
    /// Further Microsoft 365 groups for new Planner plans once <see cref="GroupId"/> holds the 200 plans Planner allows
    /// (403 MaximumProjectsOwnedByUser), tried in order (e.g. one group per school year). See docs/fidelity.md.
    /// </summary>
    public List<string> OverflowGroupIds { get; set; } = [];
    /// <summary>SharePoint site holding the libraries (e.g. "contoso.sharepoint.com,guid,guid" or a site id).</summary>
    public string? SiteId { get; set; }
    public string PlanLibrary { get; set; } = "Kế hoạch";
    public string ReportLibrary { get; set; } = "Báo cáo";
    /// <summary>Folder for the local mode.</summary>
    public string LocalRoot { get; set; } = "data/library";
    /// <summary>Where uploads wait (durably) until the library outbox has stored them.</summary>
    public string SpoolRoot { get; set; } = "data/outbox-spool";
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(5);
    /// <summary>Graph mode: the mail nickname prefix of the Entra groups that stand for units ("dv-thpt07" → THPT07).</summary>
    public string UnitGroupPrefix { get; set; } = Graph.GraphUnitGroups.DefaultPrefix;
    /// <summary>Graph mode: the parent code given to a unit group that names none ("Cấp trên: …" in its description).</summary>
    public string? UnitGroupParent { get; set; }
    /// <summary>Graph mode: how often the unit groups refill the unit directory (one read per group); zero turns it off.</summary>
    public TimeSpan UnitGroupInterval { get; set; } = TimeSpan.FromDays(1);
    /// <summary>Files up to this size use a simple PUT; larger ones an upload session (Graph: 4 MiB).</summary>
    public long SimpleUploadLimit { get; set; } = 4 * 1024 * 1024;
    /// <summary>Upload session chunk size; must be a multiple of 320 KiB (Graph requirement).</summary>
    public int UploadChunkSize { get; set; } = 10 * 320 * 1024;
    public GraphAuthOptions Auth { get; set; } = new();
}
