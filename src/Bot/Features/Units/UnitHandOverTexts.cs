using TeamsPlans.Plans.Units;

namespace TeamsPlans.Bot.Features.Units;

/// <summary>The texts of a unit's duty passed on inside the unit (card lines and the "phân công" command), Vietnamese and English.</summary>
internal sealed class UnitHandOverTexts
{
    public static readonly UnitHandOverTexts Vi = new()
    {
        ByHead = (unit, head) => $"Giao cho {unit} – do {head} phân công",
        ByOther = (unit, who) => $"Giao cho {unit} – do {who} chuyển giao",
        Holder = who => $"Người thực hiện: {who}",
        Note = note => $"Ghi chú phân công: {note}",
        NowHeldBy = (unit, who) => $"{unit}: nhiệm vụ đã phân công cho {who} thực hiện.",
        SentUp = (unit, who) => $"{unit}: đã chấp nhận báo cáo của {who} và gửi lên đơn vị giao nhiệm vụ.",
        TakeBack = "Thu hồi nhiệm vụ",
        TakenBack = (unit, who) => $"{unit}: {who} đã thu hồi nhiệm vụ.",
        Head = kind => kind switch
        {
            UnitKind.SubjectGroup => "tổ trưởng",
            UnitKind.ContinuingEducationCentre => "giám đốc trung tâm",
            UnitKind.Department => "giám đốc Sở",
            UnitKind.DepartmentOffice or UnitKind.DistrictOffice => "trưởng phòng",
            UnitKind.Union => "bí thư / chủ tịch",
            UnitKind.Commune => "chủ tịch UBND",
            _ when UnitKinds.IsSchool(kind) => "hiệu trưởng",
            _ => "thủ trưởng đơn vị",
        },
        Usage = "Cách dùng: \"phân công [số] cho <tên hoặc email>: <ghi chú>\", số là thứ tự trong danh sách dưới đây.",
        Choose = "Nhiệm vụ của đơn vị bạn đang giữ:",
        NoUnitTask = "Bạn không giữ nhiệm vụ nào được giao cho đơn vị.",
        NoPerson = who => $"Không thấy thành viên \"{who}\".",
        ManyPeople = (who, names) => $"Có nhiều thành viên khớp \"{who}\": {names}. Hãy ghi rõ hơn (hoặc dùng email).",
        Failed = "Không phân công được nhiệm vụ",
    };

    public static readonly UnitHandOverTexts En = new()
    {
        ByHead = (unit, head) => $"Given to {unit} – assigned by the {head}",
        ByOther = (unit, who) => $"Given to {unit} – handed over by {who}",
        Holder = who => $"Carried out by: {who}",
        Note = note => $"Note: {note}",
        NowHeldBy = (unit, who) => $"{unit}: this duty is now carried out by {who}.",
        SentUp = (unit, who) => $"{unit}: {who}'s report accepted and sent up to the unit that gave the duty.",
        TakeBack = "Take the duty back",
        TakenBack = (unit, who) => $"{unit}: {who} took the duty back.",
        Head = kind => kind switch
        {
            UnitKind.SubjectGroup => "head of the subject group",
            UnitKind.ContinuingEducationCentre => "centre's director",
            UnitKind.Department => "director of the department",
            UnitKind.DepartmentOffice or UnitKind.DistrictOffice => "head of the office",
            UnitKind.Union => "union's secretary / chair",
            UnitKind.Commune => "chair of the commune",
            _ when UnitKinds.IsSchool(kind) => "principal",
            _ => "head of the unit",
        },
        Usage = "Usage: \"assign [number] to <name or e-mail>: <note>\", the number being the position in the list below.",
        Choose = "Your unit's duties you hold:",
        NoUnitTask = "You hold no duty given to a unit.",
        NoPerson = who => $"No member \"{who}\" found.",
        ManyPeople = (who, names) => $"Several members match \"{who}\": {names}. Please be more precise (or use the e-mail).",
        Failed = "The duty could not be assigned",
    };

    public required Func<string, string, string> ByHead { get; init; }
    public required Func<string, string, string> ByOther { get; init; }
    public required Func<string, string> Holder { get; init; }
    public required Func<string, string> Note { get; init; }
    public required Func<string, string, string> NowHeldBy { get; init; }
    public required Func<UnitKind, string> Head { get; init; }
    public required Func<string, string, string> SentUp { get; init; }
    public required string TakeBack { get; init; }
    public required Func<string, string, string> TakenBack { get; init; }
    public required string Usage { get; init; }
    public required string Choose { get; init; }
    public required string NoUnitTask { get; init; }
    public required Func<string, string> NoPerson { get; init; }
    public required Func<string, string, string> ManyPeople { get; init; }
    public required string Failed { get; init; }

    public static UnitHandOverTexts For(CardView view) => TextTable.For(view, Vi, En);
}
