namespace TeamsPlans.Bot.Features.Import;

/// <summary>The texts of "nhập kế hoạch", the library drop and publishing, Vietnamese and English.</summary>
internal sealed class ImportTexts
{
    public static readonly ImportTexts Vi = new()
    {
        PrincipalsOnly = "Chỉ Ban giám hiệu được nhập kế hoạch. " + FirstRun.FirstRunTexts.Vi.HowToGetRole,
        AlreadyPublished = "Kế hoạch này đã được gửi trước đó; không nhập lại.",
        Unreadable = file => $"Không đọc được tệp \"{file}\".",
        HowTo = "Gõ \"nhập kế hoạch <tên tệp>\". Các tệp trong thư viện:",
        NoMatch = query => $"Không có tệp nào khớp \"{query}\" trong thư viện. Các tệp hiện có:",
        SeveralMatch = (n, query) => $"Có {n} tệp khớp \"{query}\", hãy gõ rõ hơn:",
        EmptyLibrary = root => $"(thư viện trống: {root})",
        LibraryUnreadable = file => $"Không nhập được tệp \"{file}\" từ thư viện Kế hoạch.",
        LibraryNew = file => $"Kế hoạch mới trong thư viện: {file}",
        Sent = n => $"Đã gửi {n} thẻ nhiệm vụ",
        Queued = n => $"{n} thẻ nhiệm vụ đang được gửi",
        SentBefore = n => $"{n} thẻ đã gửi trước đó",
        Unresolved = n => $"{n} chưa xác định người nhận",
        Failed = n => $"{n} lỗi",
        NothingToSend = "Không có gì để gửi: kế hoạch này không giao nhiệm vụ cho người, " +
            "chức vụ hay đơn vị nào (không đọc được phần \"Tổ chức thực hiện\"). Hãy kiểm tra văn bản rồi nhập lại.",
        MapLater = "Kế hoạch đã gửi: chọn người nhận cho các nhiệm vụ còn thiếu rồi bấm Gửi; chỉ những thẻ mới được gửi.",
    };

    public static readonly ImportTexts En = new()
    {
        PrincipalsOnly = "Only principals can import plans. " + FirstRun.FirstRunTexts.En.HowToGetRole,
        AlreadyPublished = "This plan was already published; it was not re-imported.",
        Unreadable = file => $"Could not read \"{file}\".",
        HowTo = "Type \"import <file name>\". Files in the library:",
        NoMatch = query => $"No library file matches \"{query}\". Available files:",
        SeveralMatch = (n, query) => $"{n} files match \"{query}\"; be more specific:",
        EmptyLibrary = root => $"(the library is empty: {root})",
        LibraryUnreadable = file => $"Could not import \"{file}\" from the plan library.",
        LibraryNew = file => $"New plan in the library: {file}",
        Sent = n => $"Sent {n} assignment cards",
        Queued = n => $"{n} assignment cards being delivered",
        SentBefore = n => $"{n} sent before",
        Unresolved = n => $"{n} without assignee",
        Failed = n => $"{n} failed",
        NothingToSend = "Nothing can be sent: this plan assigns no duty to a person, role or unit (no \"Tổ chức thực hiện\" part could be read). " +
            "Check the document and import it again.",
        MapLater = "The plan is published: pick the missing assignees and press Publish; only the new cards are sent.",
    };

    public required string PrincipalsOnly { get; init; }
    public required string AlreadyPublished { get; init; }
    public required Func<string, string> Unreadable { get; init; }
    public required string HowTo { get; init; }
    public required Func<string, string> NoMatch { get; init; }
    public required Func<int, string, string> SeveralMatch { get; init; }
    public required Func<string, string> EmptyLibrary { get; init; }
    public required Func<string, string> LibraryUnreadable { get; init; }
    public required Func<string, string> LibraryNew { get; init; }
    public required Func<int, string> Sent { get; init; }
    public required Func<int, string> Queued { get; init; }
    public required Func<int, string> SentBefore { get; init; }
    public required Func<int, string> Unresolved { get; init; }
    public required Func<int, string> Failed { get; init; }
    public required string NothingToSend { get; init; }
    public required string MapLater { get; init; }

    public static ImportTexts For(bool vi) => vi ? Vi : En;

    public static ImportTexts For(string? lang) => TextTable.For(lang, Vi, En);
}
