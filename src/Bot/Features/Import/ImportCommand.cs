using TeamsPlans.Bot.Security;

namespace TeamsPlans.Bot.Features.Import;

/// <summary>
/// "nhập kế hoạch &lt;tên tệp&gt;": imports the one library file matching the name as a draft and answers with its preview;
/// without a name, or with no / several matches, lists the library. Principals only.
/// </summary>
internal sealed class ImportCommand(LocalPlanLibrary library, ImportFlow flow)
{
    public async Task<AdaptiveCard> HandleAsync(TurnState state, TextCommand command, CancellationToken ct)
    {
        var (view, tenantId, query, texts) = (state.View, state.TenantId, command.Argument, ImportTexts.For(state.Vi));
        if (!state.CanManage || state.Member is null)
            return PlanCards.Notice(texts.PrincipalsOnly, [], view, "attention");
        var files = library.FindFiles(query, tenantId);
        if (query is null || files.Count != 1) return Listing(query, files, tenantId, view);
        await using var content = File.OpenRead(files[0]);
        return await flow.ImportAsync(state, content, Path.GetFileName(files[0]), Relative(files[0]), PlanSource.LocalFile(files[0]), ct)
            .ConfigureAwait(false);
    }

    private string Relative(string file) => Path.GetRelativePath(library.LibraryRoot, file);

    /// <summary>The library's files: all of them, or those matching when the name is ambiguous.</summary>
    private AdaptiveCard Listing(string? query, IReadOnlyList<string> files, string tenantId, CardView view)
    {
        var texts = ImportTexts.For(view.S.Lang);
        var all = query is null ? files : library.FindFiles(null, tenantId);
        var title = query is null
            ? texts.HowTo
            : files.Count == 0
                ? texts.NoMatch(EchoText.Cap(query))
                : texts.SeveralMatch(files.Count, EchoText.Cap(query));
        var list = (files.Count > 1 ? files : all).Select(Relative).ToList();
        if (list.Count == 0) list.Add(texts.EmptyLibrary(library.LibraryRoot));
        return PlanCards.Notice(title, list, view, files.Count == 0 && query is not null ? "attention" : null);
    }
}
