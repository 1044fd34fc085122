namespace TeamsPlans.Bot.Tab.Review;

/// <summary>The review's refusals, Vietnamese then English.</summary>
internal static class ReviewTexts
{
    public static ReviewException NotDraft() => new(
        "Kế hoạch đã được gửi; không sửa phân công ở trang duyệt nữa (dùng giao lại, đổi hạn).",
        "The plan has been published; its assignments are no longer edited here (reassign or re-date them).", 409);

    public static ReviewException NoAssignee() => new(
        "Cần ghi người, chức vụ hoặc đơn vị nhận nhiệm vụ.", "Give the assignee's name, title or unit.");

    public static ReviewException NoDuty() => new("Nhiệm vụ không được để trống.", "The duty cannot be empty.");

    public static ReviewException TooLong(int max) => new($"Nội dung dài quá {max} ký tự.", $"The text is longer than {max} characters.");

    public static ReviewException BadDate(string value) => new(
        $"Thời hạn “{value}” không đọc được; ghi theo dạng ngày/tháng/năm, ví dụ 25/05/2023.",
        $"The deadline \"{value}\" cannot be read; write it as dd/MM/yyyy, e.g. 25/05/2023.");

    public static ReviewException UnknownMember() => new(
        "Thành viên được chọn không thuộc đơn vị.", "The chosen member is not in this tenant.");

    public static ReviewException NotFound() => new("Không tìm thấy phân công này trong kế hoạch.", "This assignment is not in the plan.", 404);

    public static ReviewException NothingToSend() => new("Kế hoạch không có phân công nào để gửi.", "The plan has no assignment to send.");

    public static ReviewException CannotRemove() => new(
        "Kho dữ liệu này không xóa được phân công.", "This state store cannot remove assignments.", 501);
}
