using TeamsPlans.Plans.Parsing;

namespace TeamsPlans.Plans.Units;

/// <summary>
/// The printed forms of each <see cref="UnitKind"/> (Vietnamese with or without diacritics, abbreviations, English) and its
/// labels. <see cref="Parse"/> reads the "Loại đơn vị" cell of a unit list and the kind a plan names ("các trường THPT").
/// </summary>
public static class UnitKinds
{
    // Folded forms (VietText.Fold, then "&" and "-" read as spaces), longest first within the table order that matters:
    // multi-level before single levels, Phòng GD&ĐT before "phòng" of the Sở.
    private static readonly (UnitKind Kind, string[] Forms)[] Table =
    [
        (UnitKind.MultiLevelSchool, ["th thcs", "thcs thpt", "truong th thcs", "truong thcs thpt", "tieu hoc va trung hoc co so",
            "trung hoc co so va trung hoc pho thong", "lien cap", "nhieu cap hoc", "multi level school"]),
        (UnitKind.ContinuingEducationCentre, ["trung tam gdtx", "tt gdtx", "gdtx", "gdnn gdtx", "trung tam gdnn gdtx", "giao duc thuong xuyen",
            "trung tam giao duc nghe nghiep", "continuing education centre", "continuing education center"]),
        (UnitKind.DistrictOffice,
            ["phong gd dt", "phong gddt", "phong giao duc va dao tao", "phong giao duc dao tao", "pgd", "pgddt", "district education office"]),
        (UnitKind.Commune,
            ["ubnd xa", "ubnd phuong", "uy ban nhan dan xa", "uy ban nhan dan phuong", "phong van hoa xa hoi", "xa", "phuong", "commune", "ward"]),
        (UnitKind.Department, ["so gd dt", "so gddt", "so giao duc va dao tao", "so giao duc", "sgddt", "so", "department of education"]),
        (UnitKind.DepartmentOffice,
            ["van phong so", "phong thuoc so", "phong chuyen mon", "phong", "van phong", "thanh tra so", "department office"]),
        (UnitKind.HighSchool, ["trung hoc pho thong", "truong thpt", "thpt", "high school"]),
        (UnitKind.LowerSecondarySchool, ["trung hoc co so", "truong thcs", "thcs", "lower secondary school"]),
        (UnitKind.PrimarySchool, ["tieu hoc", "truong th", "th", "primary school"]),
        (UnitKind.Preschool, ["mam non", "mau giao", "nha tre", "truong mn", "mn", "mg", "preschool", "kindergarten"]),
        (UnitKind.SubjectGroup, ["to chuyen mon", "to bo mon", "to", "subject group"]),
        (UnitKind.Union, ["doan the", "cong doan", "doan truong", "doan thanh nien", "doan tncs", "chi doan", "lien doi", "chi bo", "union"]),
        (UnitKind.Other, ["khac", "don vi khac", "other"]),
    ];

    /// <summary>The kind a cell or phrase names, matched whole after folding ("Trường THPT", "thpt", "Tổ chuyên môn"); null when unknown.</summary>
    public static UnitKind? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var folded = FoldForm(text);
        if (!char.IsDigit(text.Trim()[0]) && Enum.TryParse<UnitKind>(text.Trim(), ignoreCase: true, out var named)
            && Enum.IsDefined(named)) return named;
        foreach (var (kind, forms) in Table)
            if (forms.Contains(folded, StringComparer.Ordinal)) return kind;
        return null;
    }

    /// <summary>
    /// The kind a unit's name starts with: "Trường THPT Bùi Thị Xuân" → HighSchool, "Phòng GD&amp;ĐT Quận 1" → DistrictOffice,
    /// "Tổ Ngữ văn" → SubjectGroup; null when the name does not say.
    /// </summary>
    public static UnitKind? FromName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        var folded = FoldForm(name);
        var bare = folded.StartsWith("truong ", StringComparison.Ordinal) ? folded["truong ".Length..] : folded;
        foreach (var (kind, forms) in Table)
            foreach (var form in forms)
                if (StartsWithWord(folded, form) || StartsWithWord(bare, form)) return kind == UnitKind.Other ? null : kind;
        return null;
    }

    private static bool StartsWithWord(string text, string form) =>
        text.StartsWith(form, StringComparison.Ordinal) && (text.Length == form.Length || text[form.Length] == ' ');

    /// <summary>"Phòng GD&amp;ĐT" → "phong gd dt": folded, "&amp;", "-", "/", "." and commas read as spaces, collapsed.</summary>
    public static string FoldForm(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var f = VietText.Fold(text);
        var chars = f.Select(c => c is '&' or '-' or '/' or '.' or ',' or '(' or ')' or '–' ? ' ' : c).ToArray();
        return VietText.Collapse(new string(chars));
    }

    /// <summary>True for the kinds that are schools or centres (the units a Sở or Phòng counts in its roll-up).</summary>
    public static bool IsSchool(UnitKind kind) => kind is UnitKind.HighSchool or UnitKind.LowerSecondarySchool or UnitKind.PrimarySchool
        or UnitKind.Preschool or UnitKind.MultiLevelSchool or UnitKind.ContinuingEducationCentre;

    /// <summary>The label of a kind: "Trường THPT" / "High school".</summary>
    public static string Label(UnitKind kind, bool english) => (kind, english) switch
    {
        (UnitKind.Department, false) => "Sở GD&ĐT",
        (UnitKind.Department, true) => "Department of Education",
        (UnitKind.DepartmentOffice, false) => "Phòng thuộc Sở",
        (UnitKind.DepartmentOffice, true) => "Department office",
        (UnitKind.DistrictOffice, false) => "Phòng GD&ĐT",
        (UnitKind.DistrictOffice, true) => "District education office",
        (UnitKind.Commune, false) => "UBND xã/phường",
        (UnitKind.Commune, true) => "Commune / ward",
        (UnitKind.HighSchool, false) => "Trường THPT",
        (UnitKind.HighSchool, true) => "High school",
        (UnitKind.LowerSecondarySchool, false) => "Trường THCS",
        (UnitKind.LowerSecondarySchool, true) => "Lower secondary school",
        (UnitKind.PrimarySchool, false) => "Trường TH",
        (UnitKind.PrimarySchool, true) => "Primary school",
        (UnitKind.Preschool, false) => "Trường MN",
        (UnitKind.Preschool, true) => "Preschool",
        (UnitKind.MultiLevelSchool, false) => "Trường nhiều cấp học",
        (UnitKind.MultiLevelSchool, true) => "Multi-level school",
        (UnitKind.ContinuingEducationCentre, false) => "TT GDTX",
        (UnitKind.ContinuingEducationCentre, true) => "Continuing education centre",
        (UnitKind.SubjectGroup, false) => "Tổ chuyên môn",
        (UnitKind.SubjectGroup, true) => "Subject group",
        (UnitKind.Union, false) => "Đoàn thể",
        (UnitKind.Union, true) => "Union",
        (_, false) => "Đơn vị khác",
        (_, true) => "Other unit",
    };
}
