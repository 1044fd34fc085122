using TeamsPlans.Plans.Model;
using TeamsPlans.Plans.Reading;

namespace TeamsPlans.Bot.Conversation;

/// <summary>Reads library documents with the plan reader of src/Plans (extraction limits, then the plan parser).</summary>
public sealed class LibraryPlanDocumentReader : IPlanDocumentReader
{
    private readonly PlanReader _reader = new();

    public Task<PlanDocument> ReadAsync(Stream content, string name, CancellationToken ct) => _reader.ReadAsync(content, name, ct);
}
