using TeamsPlans.Plans.Model;

namespace TeamsPlans.Bot.Conversation;

/// <summary>Reads a plan document (.txt, .md, .docx, .pdf) into a <see cref="PlanDocument"/>.</summary>
public interface IPlanDocumentReader
{
    /// <param name="name">The file name: its extension chooses the reader.</param>
    Task<PlanDocument> ReadAsync(Stream content, string name, CancellationToken ct);
}
