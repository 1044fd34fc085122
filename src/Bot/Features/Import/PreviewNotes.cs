namespace TeamsPlans.Bot.Features.Import;

/// <summary>
/// Lines the import preview shows above the plan (why it is shown: a new file in the library, a plan already published)
/// and below it (what publishing sent).
/// </summary>
internal sealed record PreviewNotes(IReadOnlyList<CardElement> Header, IReadOnlyList<CardElement> Footer)
{
    public static readonly PreviewNotes None = new([], []);

    public static PreviewNotes Above(TextBlock line) => new([line], []);

    public static PreviewNotes Below(IReadOnlyList<CardElement> lines) => new([], lines);
}
