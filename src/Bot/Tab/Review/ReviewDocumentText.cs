using TeamsPlans.Bot.Features.Import;
using TeamsPlans.Plans.Reading;

namespace TeamsPlans.Bot.Tab.Review;

/// <summary>
/// The text the review shows beside the extracted fields: the plan's own file in the local library (DocumentUri a file
/// address under Library:Root; nothing outside it is read), extracted by the plan reader as the parser saw it. Without a
/// readable copy (a SharePoint address, a file since removed) the items' source sentences stand in, one paragraph each.
/// </summary>
internal sealed class ReviewDocumentText(LocalPlanLibrary library, ILogger<ReviewDocumentText> logger)
{
    private readonly PlanReader _reader = new();

    public async Task<(string Text, bool FromDocument)> ReadAsync(StoredPlan plan, CancellationToken ct)
    {
        if (LocalPath(plan.DocumentUri) is { } path)
        {
            try
            {
                var bytes = await File.ReadAllBytesAsync(path, ct).ConfigureAwait(false);
                return (_reader.Extract(bytes, Path.GetFileName(path), ct).Text, true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or PlanReadException)
            {
                logger.LogWarning(ex, "Review of {PlanId} in {TenantId}: the library copy could not be read", plan.PlanId, plan.TenantId);
            }
        }
        var sentences = plan.Document.Assignments.Select(a => a.Source).OfType<string>().Distinct(StringComparer.Ordinal);
        return (string.Join("\n\n", sentences), false);
    }

    private string? LocalPath(string? uri)
    {
        if (!Uri.TryCreate(uri, UriKind.Absolute, out var u) || !u.IsFile) return null;
        var full = Path.GetFullPath(u.LocalPath);
        var root = Path.TrimEndingDirectorySeparator(library.LibraryRoot) + Path.DirectorySeparatorChar;
        return full.StartsWith(root, StringComparison.Ordinal) && File.Exists(full) ? full : null;
    }
}
