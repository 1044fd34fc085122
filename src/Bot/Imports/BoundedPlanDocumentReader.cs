using TeamsPlans.Bot.Conversation;
using TeamsPlans.Plans.Model;

namespace TeamsPlans.Bot.Imports;

/// <summary>The chat import's document reader, run through the <see cref="ImportQueue"/>. The inner reader is the keyed
/// service <see cref="InnerKey"/> (default <see cref="LibraryPlanDocumentReader"/>).</summary>
public sealed class BoundedPlanDocumentReader(
    [FromKeyedServices(BoundedPlanDocumentReader.InnerKey)] IPlanDocumentReader inner, ImportQueue queue) : IPlanDocumentReader
{
    public const string InnerKey = "TeamsPlans.Imports.Inner";

    public Task<PlanDocument> ReadAsync(Stream content, string name, CancellationToken ct)
        => queue.RunAsync(Path.GetFileName(name), token => inner.ReadAsync(content, name, token), ct);
}
