namespace TeamsPlans.Bot.Features.Import;

/// <summary>Where an imported plan document came from: the kind (for the logs) and the address the plan links to.</summary>
internal sealed record PlanSource(string Kind, string DocumentUri)
{
    /// <summary>A file of the local library folder, named in chat ("nhập kế hoạch …").</summary>
    public static PlanSource LocalFile(string path) => new("chat", new Uri(Path.GetFullPath(path)).AbsoluteUri);

    /// <summary>A document dropped into the tenant's plan library (SharePoint or its local equivalent).</summary>
    public static PlanSource Library(string webUrl) => new("library", webUrl);
}
