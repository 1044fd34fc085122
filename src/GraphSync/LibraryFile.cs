namespace TeamsPlans.GraphSync;

/// <summary>A file in a document library (SharePoint drive item or local file). Metadata keys are the column names.</summary>
public sealed record LibraryFile(string Id, string Name, string Path, string WebUrl, long Size, IReadOnlyDictionary<string, string?> Metadata)
{
    /// <summary>The content version (SharePoint cTag/eTag, local size+mtime): a new version is a new import.</summary>
    public string? Version { get; init; }
}
