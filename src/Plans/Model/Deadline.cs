namespace TeamsPlans.Plans.Model;

/// <summary>Something due: a report, a plan, a task. To = whom it goes to; Assignee = who is responsible, when the text says.</summary>
public sealed record Deadline(DueDate Due, Recurrence? Recurrence, string What, string? To, string? Assignee)
{
    /// <summary>First day of a range "từ ngày A đến ngày B" (Due is B); null otherwise.</summary>
    public DateOnly? Start { get; init; }
    /// <summary>The sentence (or table row) the deadline was read from.</summary>
    public string? Source { get; init; }
    /// <summary>1 when the date is printed whole; lower when a rule guessed (year carried from a heading or the plan, OCR page).</summary>
    public double Confidence { get; init; } = 1.0;
    /// <summary>True when a rule guessed this date (<see cref="ReadConfidence.IsGuessed"/>): the preview marks it.</summary>
    public bool Guessed => ReadConfidence.IsGuessed(Confidence);
}
