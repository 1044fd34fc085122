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
