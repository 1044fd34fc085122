namespace TeamsPlans.Plans.Model;

/// <summary>
/// A "Kế hoạch" read from a document, in the components of Decree 30/2020/NĐ-CP.
/// Everything the document leaves blank stays null; <see cref="Warnings"/> says what was missing.
/// </summary>
public sealed record PlanDocument
{
    /// <summary>Number and symbol as printed, normalized: "82/KH-THPT BK", "/KH-SGDĐT" when the number is blank.</summary>
    public string? Number { get; init; }
    /// <summary>The issuing body: "Trường THPT Trung Lập", "Phòng Giáo dục và Đào tạo".</summary>
    public string? Issuer { get; init; }
    /// <summary>The body above the issuer: "Sở Giáo dục và Đào tạo Thành phố Hồ Chí Minh", "UBND huyện Thủ Thừa".</summary>
    public string? ParentIssuer { get; init; }
    public string? Place { get; init; }
    /// <summary>Full issue date, or null when day/month are left blank (the year is kept in <see cref="Year"/>).</summary>
    public DateOnly? IssuedOn { get; init; }
    public int? Year { get; init; }
    /// <summary>Trích yếu: "Hoạt động đối ngoại và hội nhập quốc tế năm 2023".</summary>
    public string Title { get; init; } = "";
    public IReadOnlyList<LegalBasis> LegalBases { get; init; } = [];
    public IReadOnlyList<PlanSection> Sections { get; init; } = [];
    public IReadOnlyList<Assignment> Assignments { get; init; } = [];
    public IReadOnlyList<Deadline> Deadlines { get; init; } = [];
    public IReadOnlyList<Recipient> Recipients { get; init; } = [];
    public Signer? Signer { get; init; }
    /// <summary>The other issuers of a joint document (KHLT), in the order printed; empty for a single issuer.</summary>
    public IReadOnlyList<string> CoIssuers { get; init; } = [];
    /// <summary>Every signer, in the order printed (two for a joint plan); <see cref="Signer"/> is the first.</summary>
    public IReadOnlyList<Signer> Signers { get; init; } = [];
    /// <summary>Report regimes the plan states (Decree 09/2019/NĐ-CP): what, to whom, how, how often, data cut-off, outline.</summary>
    public IReadOnlyList<ReportRegime> Reports { get; init; } = [];
    /// <summary>The document type the body was read as: "KH", "KHLT", "QD-KH" (a decision issuing a plan), "QD", "CV".</summary>
    public string? Kind { get; init; }
    public IReadOnlyList<string> Warnings { get; init; } = [];
    /// <summary>Footnote bodies taken out of the running text ("1 Quyết định 4599/QĐ-UBND ..."), in order.</summary>
    public IReadOnlyList<string> Footnotes { get; init; } = [];
}

/// <summary>A cited document in "Căn cứ ..." / "Thực hiện ...": kind ("Kế hoạch", "Quyết định", "Công văn", ...).</summary>
public sealed record LegalBasis(string Kind, string? Number, DateOnly? IssuedOn, string? Issuer, string Text);

/// <summary>A numbered part of the plan: Id is the printed label ("I", "1", "1.1", "2.6.1").</summary>
public sealed record PlanSection(string Id, string Heading, IReadOnlyList<string> Items, IReadOnlyList<PlanSection> Sections);

/// <summary>Who a duty goes to: a named person (with honorific dropped), a role/title, or a unit.</summary>
public sealed record Assignee(string? Name, string? Title, string? Unit)
{
    public string Display => Name ?? Title ?? Unit ?? "";
    /// <summary>Role in the plan's organization ("Trưởng ban chỉ đạo", "Phó ban thường trực", "Thành viên"), when printed.</summary>
    public string? Role { get; init; }
    /// <summary>Person, role, unit or set of units, read after parsing by <see cref="Units.AssigneeKindClassifier"/>.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public Units.AssigneeTarget? Target { get; init; }
}

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

public enum Recurrence { Yearly, Semiannual, Quarterly, Monthly }

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

public sealed record Recipient(string Name, string? Purpose);

/// <summary>Signer block: Title "PHÓ GIÁM ĐỐC", OnBehalfOf "GIÁM ĐỐC" for "KT. GIÁM ĐỐC".</summary>
public sealed record Signer(string? Title, string? Name, string? OnBehalfOf);
