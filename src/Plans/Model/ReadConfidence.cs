namespace TeamsPlans.Plans.Model;

/// <summary>
/// How sure the reader is of an extracted assignment or deadline, and where "guessed" starts. 1 = read from an explicit
/// form ("Cơ quan chủ trì: …", a task-table row, a whole printed date); lower = a rule guessed (an assignee taken from a
/// heading line above the duties, a year carried from the heading or the plan, text read by OCR). The import preview
/// marks every item whose confidence is below <see cref="GuessedBelow"/> so the principal checks it before sending.
/// </summary>
internal static class ReadConfidence
{
    /// <summary>Read from an explicit form.</summary>
    public const double Explicit = 1.0;
    /// <summary>The assignee is a heading line above the duties.</summary>
    public const double HeadingAssignee = 0.8;
    /// <summary>The date's year is not printed beside it (carried from the section heading or the plan's year).</summary>
    public const double CarriedYear = 0.8;
    /// <summary>The document had pages read by OCR.</summary>
    public const double Ocr = 0.6;
    /// <summary>An item whose confidence is below this is shown as guessed ("(đoán)" / "(guessed)").</summary>
    public const double GuessedBelow = 0.95;

    /// <summary>True when a rule guessed (confidence below <see cref="GuessedBelow"/>).</summary>
    public static bool IsGuessed(double confidence) => confidence < GuessedBelow;
}
