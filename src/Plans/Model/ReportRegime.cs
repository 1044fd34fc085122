namespace TeamsPlans.Plans.Model;

/// <summary>
/// A report regime as Decree 09/2019/NĐ-CP lists it: the report, who receives it, how it is sent, its frequency, the data
/// cut-off ("số liệu tính từ ngày … đến ngày …") and the outline / form it follows. Each part null when not printed.
/// </summary>
public sealed record ReportRegime(string What)
{
    public string? To { get; init; }
    /// <summary>"văn bản", "hệ thống", "email: x@y" as printed.</summary>
    public string? Method { get; init; }
    public Recurrence? Frequency { get; init; }
    public DueDate? Due { get; init; }
    public DateOnly? DataFrom { get; init; }
    public DateOnly? DataTo { get; init; }
    /// <summary>"theo đề cương tại Phụ lục 1", "mẫu số 02".</summary>
    public string? Outline { get; init; }
    public string? Source { get; init; }
    /// <summary>What the report must contain, as edited in the import preview (else <see cref="Source"/> is shown).</summary>
    public string? Content { get; init; }
    /// <summary>The outline / form file (a file in the library), linked from the assignment card.</summary>
    public string? OutlineUri { get; init; }
}
