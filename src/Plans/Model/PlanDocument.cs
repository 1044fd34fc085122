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
}

public sealed record Assignment(Assignee Assignee, string Duty, IReadOnlyList<Deadline> Deadlines)
{
    /// <summary>The section of the organization part the duty was read from ("III", "III.2").</summary>
    public string? SectionId { get; init; }
}

public enum Recurrence { Yearly, Semiannual }

/// <summary>Something due: a report, a plan, a task. To = whom it goes to; Assignee = who is responsible, when the text says.</summary>
public sealed record Deadline(DueDate Due, Recurrence? Recurrence, string What, string? To, string? Assignee);

public sealed record Recipient(string Name, string? Purpose);

/// <summary>Signer block: Title "PHÓ GIÁM ĐỐC", OnBehalfOf "GIÁM ĐỐC" for "KT. GIÁM ĐỐC".</summary>
public sealed record Signer(string? Title, string? Name, string? OnBehalfOf);
