namespace TeamsPlans.GraphSync;

/// <summary>Documents found by a discovery pass, and the cursor to store once they are safely queued.</summary>
public sealed record DiscoveredDocuments(IReadOnlyList<LibraryFile> Files, TeamsPlans.Storage.SyncEntry? Cursor);
