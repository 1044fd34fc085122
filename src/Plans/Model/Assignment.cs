namespace TeamsPlans.Plans.Model;

public sealed record Assignment(Assignee Assignee, string Duty, IReadOnlyList<Deadline> Deadlines)
{
    /// <summary>The section of the organization part the duty was read from ("III", "III.2").</summary>
    public string? SectionId { get; init; }
    /// <summary>Supporting units (phối hợp) named with the lead, e.g. in a task-table row or "Cơ quan phối hợp: …".</summary>
    public IReadOnlyList<string> Support { get; init; } = [];
    /// <summary>The sentence (or table row) the assignment was read from.</summary>
    public string? Source { get; init; }
    /// <summary>1 when read from an explicit form; lower when a rule guessed (heading-style assignee, OCR page).</summary>
    public double Confidence { get; init; } = 1.0;
    /// <summary>True when a rule guessed this assignment (<see cref="ReadConfidence.IsGuessed"/>): the preview marks it.</summary>
    public bool Guessed => ReadConfidence.IsGuessed(Confidence);
}
