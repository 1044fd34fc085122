using System.Text.RegularExpressions;
using TeamsPlans.Plans.Parsing;

namespace TeamsPlans.Bot.Conversation;

/// <summary>
/// Reads chat commands in Vietnamese (with or without diacritics) and English. Matching is done on the folded text
/// (diacritics removed, đ→d, lowercase), which keeps one character per input character so arguments are cut from the
/// original text.
/// </summary>
internal static partial class TextCommands
{
    // Longest prefixes first within each kind; matched at the start of the folded text.
    private static readonly (CommandKind Kind, string[] Prefixes)[] Table =
    [
        (CommandKind.Import, ["nhap ke hoach", "import plan", "import", "nhap"]),
        (CommandKind.Rollup, ["tong hop don vi", "tong hop cac don vi", "don vi nao chua nop bao cao", "don vi nao chua nop", "don vi nao da nop",
            "tong hop bao cao", "tong hop", "unit rollup", "roll-up", "rollup", "which units"]),
        (CommandKind.NotAcknowledged, ["ai chua xac nhan", "nhung ai chua xac nhan", "chua xac nhan", "who has not acknowledged",
            "who hasn't acknowledged", "not acknowledged", "unacknowledged"]),
        (CommandKind.Deadlines, ["han sap toi", "cac han sap toi", "sap den han", "thoi han", "upcoming deadlines", "deadlines", "due soon"]),
        (CommandKind.MyTasks, ["viec cua toi", "nhiem vu cua toi", "cong viec cua toi", "my tasks", "my task", "my assignments"]),
        (CommandKind.Status, ["trang thai ke hoach", "tinh hinh ke hoach", "tien do ke hoach", "tinh hinh thuc hien", "tinh hinh", "trang thai",
            "tien do", "status of plan", "plan status", "status"]),
        (CommandKind.Resend, ["gui lai the loi", "gui lai cac the loi", "gui lai ke hoach", "gui lai", "resend failed", "resend"]),
        (CommandKind.Help, ["tro giup", "huong dan", "giup do", "help", "?"]),
        (CommandKind.Language, ["ngon ngu", "doi ngon ngu", "language", "tieng viet", "vietnamese", "tieng anh", "english"]),
    ];

    /// <summary>
    /// What a language command asks for: "vi", "en", "auto" (follow the Teams client), or null (not understood). The last
    /// language named wins ("đổi từ tiếng anh sang tiếng việt" → vi).
    /// </summary>
    private static string? LanguageChoice(string folded)
    {
        var words = folded.Split([' ', '.', '!', ',', ':', '"', '\'', '?', '/'], StringSplitOptions.RemoveEmptyEntries);
        string? choice = null;
        for (var i = 0; i < words.Length; i++)
        {
            var next = i + 1 < words.Length ? words[i + 1] : "";
            choice = (words[i], next) switch
            {
                ("tieng", "viet") or ("vietnamese", _) or ("vi", _) => "vi",
                ("tieng", "anh") or ("english", _) or ("en", _) => "en",
                ("tu", "dong") or ("mac", "dinh") or ("auto", _) or ("automatic", _) or ("default", _) => "auto",
                _ => choice,
            };
        }
        return choice;
    }

    public static TextCommand Parse(string? raw)
    {
        var text = CleanMentions(raw ?? "").Trim();
        var folded = VietText.FoldKeepLength(text);
        foreach (var (kind, prefixes) in Table)
        {
            foreach (var p in prefixes)
            {
                if (!StartsWithWord(folded, p)) continue;
                var rest = text[p.Length..].Trim().Trim('?', '!', '.', ':', '"', '“', '”').Trim();
                if (kind is CommandKind.Status or CommandKind.Resend)
                {
                    // "trạng thái kế hoạch số 82/KH-THPT BK", "status 82/KH-THPT BK"
                    var fr = VietText.FoldKeepLength(rest);
                    foreach (var lead in new[] { "ke hoach so", "ke hoach", "so", "of plan", "plan", "of" })
                        if (StartsWithWord(fr, lead)) { rest = rest[lead.Length..].Trim(); break; }
                    rest = PlanReference(rest);
                }
                if (kind == CommandKind.Import)
                {
                    var fr = VietText.FoldKeepLength(rest);
                    foreach (var lead in new[] { "ke hoach", "plan", "tep", "file" })
                        if (StartsWithWord(fr, lead)) { rest = rest[lead.Length..].Trim(); break; }
                    rest = rest.Trim('"', '“', '”', '\'');
                }
                if (kind == CommandKind.Language)
                    return new TextCommand(kind, LanguageChoice(folded), text);
                return new TextCommand(kind, rest.Length == 0 ? null : rest, text);
            }
        }
        return new TextCommand(text.Length == 0 ? CommandKind.Help : CommandKind.Unknown, null, text);
    }

    // "thế nào", "ra sao", "hiện nay" ... around a status question are not a plan number.
    private static readonly string[] Fillers =
    [
        "nhu the nao", "the nao roi", "the nao", "ra sao roi", "ra sao", "hien nay", "hien tai", "bay gio", "den dau roi", "den dau",
        "roi", "vay", "nhi", "a", "how is it going", "how is it", "how are we doing", "now", "so far",
    ];

    /// <summary>
    /// What is left of a status question once its filler words are gone: a plan number ("82/KH-THPT BK") or plan id
    /// (anything with a digit or a slash), or nothing ("tình hình kế hoạch thế nào?" asks about every plan).
    /// </summary>
    private static string PlanReference(string rest)
    {
        for (var changed = true; changed && rest.Length > 0;)
        {
            changed = false;
            rest = rest.Trim().Trim('?', '!', '.', ',', ':').Trim();
            var fr = VietText.FoldKeepLength(rest);
            foreach (var f in Fillers)
            {
                if (fr.EndsWith(f, StringComparison.Ordinal) && (fr.Length == f.Length || !char.IsLetterOrDigit(fr[^(f.Length + 1)])))
                {
                    rest = rest[..^f.Length];
                    changed = true;
                    break;
                }
            }
        }
        return rest.Any(char.IsDigit) || rest.Contains('/') ? rest : "";
    }

    private static bool StartsWithWord(string folded, string prefix) =>
        folded.StartsWith(prefix, StringComparison.Ordinal)
        && (folded.Length == prefix.Length || !char.IsLetterOrDigit(folded[prefix.Length]) || !char.IsLetterOrDigit(prefix[^1]));

    /// <summary>Removes Teams mention markup ("&lt;at&gt;TeamsPlans&lt;/at&gt;") and other tags.</summary>
    public static string CleanMentions(string text) => TagRegex().Replace(AtRegex().Replace(text, " "), " ").Replace("&nbsp;", " ");

    [GeneratedRegex("<at[^>]*>.*?</at>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex AtRegex();
    [GeneratedRegex("<[^>]+>")]
    private static partial Regex TagRegex();
}
