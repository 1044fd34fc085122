namespace TeamsPlans.Bot.Features.Import;

/// <summary>
/// "nhập kế hoạch &lt;tên tệp&gt;": imports the one library file matching the name as a draft and answers with its preview;
/// without a name, or with no / several matches, lists the library. Principals only.
/// </summary>
public sealed class ImportCommand(LocalPlanLibrary library, PlanImportService importer, ILogger<ImportCommand> logger)
{
    public async Task<AdaptiveCard> HandleAsync(TurnState state, TextCommand command, CancellationToken ct)
    {
        var (view, vi, tenantId, query) = (state.View, state.Vi, state.TenantId, command.Argument);
        if (!state.CanManage || state.Member is null)
            return PlanCards.Notice(vi ? "Chỉ Ban giám hiệu được nhập kế hoạch." : "Only principals can import plans.", [], view, "attention");
        var files = library.FindFiles(query, tenantId);
        if (query is null || files.Count != 1) return Listing(query, files, tenantId, view);
        try
        {
            ImportOutcome outcome;
            await using (var content = File.OpenRead(files[0]))
                outcome = await importer.ImportAsync(tenantId, state.Member.AadObjectId, content, Path.GetFileName(files[0]), PlanSource.LocalFile(files[0]), ct).ConfigureAwait(false);
            var notes = outcome.AlreadyPublished
                ? PreviewNotes.Above(new TextBlock(vi ? "Kế hoạch này đã được gửi trước đó; không nhập lại." : "This plan was already published; it was not re-imported.") { Color = "warning", Weight = "bolder" })
                : null;
            return (await importer.PreviewCardAsync(tenantId, outcome.Plan!.PlanId, view, ct, notes).ConfigureAwait(false))!;
        }
        catch (Exception e) when (e is Plans.Reading.PlanReadException or IOException or UnauthorizedAccessException or FormatException or InvalidDataException or NotSupportedException or InvalidOperationException or ArgumentException)
        {
            logger.LogWarning(e, "Import of {File} in {TenantId} failed", files[0], tenantId);
            return PlanCards.Notice(vi ? $"Không đọc được tệp \"{Relative(files[0])}\"." : $"Could not read \"{Relative(files[0])}\".", [e.Message], view, "attention");
        }
    }

    private string Relative(string file) => Path.GetRelativePath(library.LibraryRoot, file);

    /// <summary>The library's files: all of them, or those matching when the name is ambiguous.</summary>
    private AdaptiveCard Listing(string? query, IReadOnlyList<string> files, string tenantId, CardView view)
    {
        var vi = view.S.Lang == "vi";
        var all = query is null ? files : library.FindFiles(null, tenantId);
        var title = query is null
            ? (vi ? "Gõ \"nhập kế hoạch <tên tệp>\". Các tệp trong thư viện:" : "Type \"import <file name>\". Files in the library:")
            : files.Count == 0
                ? (vi ? $"Không có tệp nào khớp \"{query}\" trong thư viện. Các tệp hiện có:" : $"No library file matches \"{query}\". Available files:")
                : (vi ? $"Có {files.Count} tệp khớp \"{query}\", hãy gõ rõ hơn:" : $"{files.Count} files match \"{query}\"; be more specific:");
        var list = (files.Count > 1 ? files : all).Select(Relative).ToList();
        if (list.Count == 0) list.Add(vi ? $"(thư viện trống: {library.LibraryRoot})" : $"(the library is empty: {library.LibraryRoot})");
        return PlanCards.Notice(title, list, view, files.Count == 0 && query is not null ? "attention" : null);
    }
}
