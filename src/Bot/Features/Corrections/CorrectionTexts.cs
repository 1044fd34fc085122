namespace TeamsPlans.Bot.Features.Corrections;

/// <summary>Texts of a plan correction (issue #12), Vietnamese and English.</summary>
internal sealed class CorrectionTexts
{
    public static readonly CorrectionTexts Vi = new()
    {
        Title = number => $"Điều chỉnh kế hoạch {number}: các thay đổi so với bản đã gửi",
        FromFile = file =>
            $"Kế hoạch đã được gửi trước đó; tệp {file} thay đổi như sau. "
            + "Trạng thái (xác nhận, tiến độ, báo cáo) của các nhiệm vụ không đổi được giữ nguyên.",
        Amends = (number, plan) => $"Văn bản {number} điều chỉnh, bổ sung kế hoạch {plan}: được xem là bản điều chỉnh của kế hoạch đó.",
        Added = "Nhiệm vụ thêm mới",
        Removed = "Nhiệm vụ bị bỏ",
        Reworded = "Nhiệm vụ sửa nội dung",
        Redated = "Hạn thay đổi",
        Unchanged = n => $"{n} nhiệm vụ không đổi",
        Confirm = "Xác nhận điều chỉnh",
        Moved = (from, to) => $"{from} → {to}",
        Gone = "Không còn bản điều chỉnh nào đang chờ; hãy nhập lại tệp.",
        PrincipalsOnly = "Chỉ Ban giám hiệu được điều chỉnh kế hoạch.",
        Done = (changed, added, removed) =>
            $"Đã điều chỉnh kế hoạch: {changed} nhiệm vụ cập nhật, {added} thêm mới, {removed} bị bỏ; đã báo cho người liên quan.",
        TellChanged = (number, duty) =>
            $"Kế hoạch {number} đã được điều chỉnh: nhiệm vụ \"{duty}\" của bạn có thay đổi (xem thẻ đã cập nhật).",
        TellRemoved = (number, duty) =>
            $"Kế hoạch {number} đã được điều chỉnh: nhiệm vụ \"{duty}\" không còn giao cho bạn.",
    };

    public static readonly CorrectionTexts En = new()
    {
        Title = number => $"Correction of plan {number}: what changed since it was published",
        FromFile = file =>
            $"The plan was published before; {file} changes it as follows. "
            + "The state (acknowledged, progress, reports) of unchanged assignments is kept.",
        Amends = (number, plan) => $"Document {number} adjusts and supplements plan {plan}: it is taken as a correction of that plan.",
        Added = "Assignments added",
        Removed = "Assignments removed",
        Reworded = "Assignments re-worded",
        Redated = "Deadlines moved",
        Unchanged = n => $"{n} assignments unchanged",
        Confirm = "Confirm the correction",
        Moved = (from, to) => $"{from} → {to}",
        Gone = "No correction is waiting any more; import the file again.",
        PrincipalsOnly = "Only principals can correct a plan.",
        Done = (changed, added, removed) =>
            $"Plan corrected: {changed} assignments updated, {added} added, {removed} removed; those affected were told.",
        TellChanged = (number, duty) =>
            $"Plan {number} was corrected: your assignment \"{duty}\" changed (see the updated card).",
        TellRemoved = (number, duty) => $"Plan {number} was corrected: the assignment \"{duty}\" is no longer yours.",
    };

    public static CorrectionTexts For(bool vi) => vi ? Vi : En;

    public required Func<string, string> Title { get; init; }
    public required Func<string, string> FromFile { get; init; }
    public required Func<string, string, string> Amends { get; init; }
    public required string Added { get; init; }
    public required string Removed { get; init; }
    public required string Reworded { get; init; }
    public required string Redated { get; init; }
    public required Func<int, string> Unchanged { get; init; }
    public required string Confirm { get; init; }
    public required Func<string, string, string> Moved { get; init; }
    public required string Gone { get; init; }
    public required string PrincipalsOnly { get; init; }
    public required Func<int, int, int, string> Done { get; init; }
    public required Func<string, string, string> TellChanged { get; init; }
    public required Func<string, string, string> TellRemoved { get; init; }
}
