using System.Text.RegularExpressions;
using TeamsPlans.Plans.Model;

namespace TeamsPlans.Plans.Units;

/// <summary>
/// Reads an assignee as a person, a role, one unit or a set of units, after parsing (<see cref="Assignee.Target"/>).
/// Sets: plural forms ("các phòng thuộc Sở", "các trường THPT", "các đơn vị trực thuộc"), a head of plural units
/// ("Thủ trưởng các đơn vị …", "Hiệu trưởng các trường …"), a kind with only generic place words ("Phòng GDĐT
/// quận/huyện", "Trung tâm GDNN-GDTX quận, huyện"). One unit: a name that starts with a kind ("Văn phòng Sở", "Tổ Ngữ
/// văn", "Đoàn trường"). A person named with a unit ("Cô Oanh - VT") stays a person; a post ("Hiệu trưởng", "Bộ phận Văn
/// thư") is a role. Lists ("A, B và C") give one selector per part.
/// </summary>
internal static class AssigneeKindClassifier
{
    private static readonly Regex PersonForm =
        new(@"^\s*(?i:cô|thầy|ông|bà|anh|chị|đ/c|đ\.c|đồng chí|ths\.?|ts\.?)\s+\p{Lu}", RegexOptions.CultureInvariant);
    private static readonly Regex Parts =
        new(@"\s*(?:[,;]|\s+(?:và|va)\s+(?!đào tạo|dao tao|Đào tạo))\s*", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    private static readonly string[] HeadRoles =
        ["thu truong", "hieu truong", "giam doc", "truong phong", "lanh dao", "to truong", "bi thu", "chu tich", "nguoi dung dau", "truong"];
    private static readonly string[] RoleForms = ["bo phan", "van thu", "ke toan", "chuyen vien", "giao vien", "nhan vien", "can bo", "ban giam hieu",
        "to truong", "ban chi dao", "ban to chuc", "thanh vien", "ban giam doc", "pho hieu truong", "pho giam doc", "pho truong phong"];
    private static readonly string[] Plurals = ["tat ca cac", "tat ca", "toan bo cac", "toan bo", "cac", "nhung"];
    private static readonly HashSet<string> PlaceWords = new(StringComparer.Ordinal)
        { "quan", "huyen", "thi xa", "thanh pho", "tp", "tinh", "thi tran", "xa", "phuong", "tren dia ban", "lien quan", "thuoc so", "truc thuoc",
            "dia phuong" };

    private static readonly UnitKind[] Schools = [UnitKind.HighSchool, UnitKind.LowerSecondarySchool, UnitKind.PrimarySchool, UnitKind.Preschool,
        UnitKind.MultiLevelSchool, UnitKind.ContinuingEducationCentre];

    // What a plural names (prefix of the words after "các"), most specific first; an empty kind list is "every unit".
    private static readonly (string Form, UnitKind[] Kinds)[] SetForms =
    [
        ("don vi giao duc", Schools), ("co so giao duc", Schools), ("don vi truong hoc", Schools), ("truong hoc", Schools), ("nha truong", Schools),
        ("don vi", []), ("co quan", []),
        ("phong thuoc so", [UnitKind.DepartmentOffice]), ("phong co quan so", [UnitKind.DepartmentOffice]),
            ("phong chuyen mon", [UnitKind.DepartmentOffice]),
        ("phong so", [UnitKind.DepartmentOffice]), ("phong ban", [UnitKind.DepartmentOffice]),
        ("phong gd dt", [UnitKind.DistrictOffice]), ("phong gddt", [UnitKind.DistrictOffice]),
            ("phong giao duc va dao tao", [UnitKind.DistrictOffice]), ("phong giao duc dao tao", [UnitKind.DistrictOffice]),
        ("truong thpt", [UnitKind.HighSchool]), ("truong trung hoc pho thong", [UnitKind.HighSchool]), ("thpt", [UnitKind.HighSchool]),
        ("truong thcs", [UnitKind.LowerSecondarySchool]), ("truong trung hoc co so", [UnitKind.LowerSecondarySchool]),
            ("thcs", [UnitKind.LowerSecondarySchool]),
        ("truong tieu hoc", [UnitKind.PrimarySchool]), ("truong th", [UnitKind.PrimarySchool]),
        ("truong mam non", [UnitKind.Preschool]), ("truong mau giao", [UnitKind.Preschool]), ("truong mn", [UnitKind.Preschool]),
        ("truong", Schools),
        ("trung tam gdnn gdtx", [UnitKind.ContinuingEducationCentre]), ("trung tam gdtx", [UnitKind.ContinuingEducationCentre]), ("trung tam",
            [UnitKind.ContinuingEducationCentre]), ("tt gdtx", [UnitKind.ContinuingEducationCentre]),
            ("gdnn gdtx", [UnitKind.ContinuingEducationCentre]), ("gdtx", [UnitKind.ContinuingEducationCentre]),
        ("to chuyen mon", [UnitKind.SubjectGroup]), ("to", [UnitKind.SubjectGroup]),
        ("doan the", [UnitKind.Union]), ("to chuc doan the", [UnitKind.Union]),
        ("ubnd xa", [UnitKind.Commune]), ("xa phuong", [UnitKind.Commune]), ("xa", [UnitKind.Commune]), ("phuong", [UnitKind.Commune]),
    ];

    /// <summary>The assignments with each assignee's <see cref="Assignee.Target"/> set.</summary>
    public static IReadOnlyList<Assignment> Apply(IReadOnlyList<Assignment> assignments)
    {
        ArgumentNullException.ThrowIfNull(assignments);
        return assignments.Select(a => a with { Assignee = a.Assignee with { Target = Classify(a.Assignee) } }).ToList();
    }

    public static AssigneeTarget Classify(Assignee assignee)
    {
        ArgumentNullException.ThrowIfNull(assignee);
        if (assignee.Name is not null) return AssigneeTarget.Person;
        // A committee member without a name ("Thành viên: các Tổ trưởng …") is people of the issuer, not units.
        if (assignee.Role is not null) return AssigneeTarget.Role;
        var read = (assignee.Unit is { } unit ? Classify(unit) : null) ?? (assignee.Title is { } title ? Classify(title) : null);
        return read ?? AssigneeTarget.Role;
    }

    /// <summary>The reading of a printed assignee; null when no part of it names a person, role or unit.</summary>
    public static AssigneeTarget? Classify(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (PersonForm.IsMatch(text)) return AssigneeTarget.Person;
        var parts = new List<string>();
        foreach (var p in Parts.Split(text).Select(p => p.Trim()).Where(p => p.Length > 0))
        {
            // "quận, huyện": place words after a comma belong to the part before.
            if (parts.Count > 0 && IsPlaceOnly(UnitKinds.FoldForm(p))) parts[^1] += ", " + p;
            else parts.Add(p);
        }
        var kinds = new List<AssigneeKind>();
        var selectors = new List<UnitSelector>();
        foreach (var part in parts)
        {
            var (kind, selector) = ClassifyPart(part);
            if (kind is not { } k) continue;
            kinds.Add(k);
            if (selector is not null) selectors.Add(selector);
        }
        if (kinds.Count == 0) return null;
        if (kinds.Contains(AssigneeKind.UnitSet)) return new AssigneeTarget(AssigneeKind.UnitSet, selectors);
        if (kinds.Contains(AssigneeKind.Unit)) return new AssigneeTarget(AssigneeKind.Unit, selectors);
        return kinds.Contains(AssigneeKind.Role) ? AssigneeTarget.Role : AssigneeTarget.Person;
    }

    private static (AssigneeKind?, UnitSelector?) ClassifyPart(string printed)
    {
        if (PersonForm.IsMatch(printed)) return (AssigneeKind.Person, null);
        var f = UnitKinds.FoldForm(printed);
        foreach (var role in HeadRoles)
            if (StartsWithWord(f, role))
            {
                var rest = f[role.Length..].Trim();
                if (rest.Length == 0) return (AssigneeKind.Role, null);
                if (Plural(rest) is not null) { f = rest; break; }
            }
        if (RoleForms.Any(r => StartsWithWord(f, r)) || Plural(f) is { } pr && RoleForms.Any(r => StartsWithWord(pr, r)))
            return (AssigneeKind.Role, null);
        if (Plural(f) is { } plural)
            return SetKinds(plural) is { } set ? (AssigneeKind.UnitSet, new UnitSelector(null, set) { Text = printed }) : (null, null);
        if (UnitKinds.FromName(printed) is { } kind)
        {
            // A kind followed by nothing but place words is every unit of that kind ("Phòng GDĐT quận/huyện/thành phố").
            if (IsGenericOf(f, kind)) return (AssigneeKind.UnitSet, new UnitSelector(null, [kind]) { Text = printed });
            return (AssigneeKind.Unit, new UnitSelector(printed, [kind]) { Text = printed });
        }
        return (null, null);
    }

    private static bool IsGenericOf(string folded, UnitKind kind)
    {
        if (kind is UnitKind.Department or UnitKind.DepartmentOffice or UnitKind.SubjectGroup or UnitKind.Union or UnitKind.Other) return false;
        var bare = folded.StartsWith("truong ", StringComparison.Ordinal) ? folded["truong ".Length..] : folded;
        foreach (var (form, kinds) in SetForms)
            if (kinds.Length == 1 && kinds[0] == kind && (StartsWithWord(folded, form) || StartsWithWord(bare, form)))
            {
                var rest = (StartsWithWord(folded, form) ? folded : bare)[form.Length..].Trim();
                if (rest.Length == 0 || IsPlaceOnly(rest)) return true;
            }
        // "Trung tâm GDTX", "GDNN-GDTX": a kind form printed alone.
        return UnitKinds.Parse(folded) == kind || IsPlaceOnly(folded);
    }

    private static string? Plural(string folded)
    {
        foreach (var p in Plurals)
            if (StartsWithWord(folded, p)) return folded[p.Length..].Trim();
        return null;
    }

    private static UnitKind[]? SetKinds(string rest)
    {
        foreach (var (form, kinds) in SetForms)
            if (StartsWithWord(rest, form)) return kinds;
        return null;
    }

    private static bool IsPlaceOnly(string folded)
    {
        var words = folded.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0) return false;
        for (var i = 0; i < words.Length; i++)
        {
            if (i + 1 < words.Length && PlaceWords.Contains(words[i] + " " + words[i + 1])) { i++; continue; }
            if (!PlaceWords.Contains(words[i])) return false;
        }
        return true;
    }

    private static bool StartsWithWord(string text, string form) =>
        text.StartsWith(form, StringComparison.Ordinal) && (text.Length == form.Length || text[form.Length] == ' ');
}
