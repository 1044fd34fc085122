using System.Globalization;
using System.Text.RegularExpressions;
using TeamsPlans.Plans.Model;
using static TeamsPlans.Plans.Parsing.VietText;

namespace TeamsPlans.Plans.Parsing;

/// <summary>
/// Report regimes as Decree 09/2019/NĐ-CP lists their parts, read from sentences that ask for a report: the report
/// ("báo cáo kết quả …"), to whom ("về Sở …", "gửi Phòng …"), how ("bằng văn bản", "qua hệ thống …", "qua email x@y"),
/// how often ("định kỳ hằng tháng / hằng quý / 6 tháng / hằng năm", "đột xuất"), the deadline, the data cut-off
/// ("số liệu tính từ ngày … đến ngày …") and the outline or form ("theo đề cương / mẫu tại Phụ lục …").
/// </summary>
internal static class ReportRegimeReader
{
    private static readonly Regex Report = R(@"(?<![\p{L}])báo\s+cáo(?![\p{L}])", RegexOptions.IgnoreCase);
    private static readonly Regex SentenceSplit = R(@"(?<=[.;!?])\s+");
    private static readonly Regex To = R(@"(?<![\p{L}])(?:về|gửi|cho|lên)\s+(?<to>(?:Sở|Phòng|Bộ|Ủy\s+ban|UBND|Văn\s+phòng|Ban|Hiệu\s+trưởng|" +
        @"Lãnh\s+đạo|Trường|Thường\s+trực|Cục|Vụ|bộ\s+phận|Tổ)(?![\p{L}])[^,;.()]{0,80}?)(?=\s*(?:[,;.(]|\s(?:trước|qua|bằng|theo|chậm|để|vào|" +
        @"trong|định|hằng|hàng|và\s+qua)(?![\p{L}])|$))");
    private static readonly Regex Method = R(@"(?<m>(?:bằng|qua)\s+(?:văn\s+bản(?:\s+giấy)?|hệ\s+thống[^,;.()]{0,60}|phần\s+mềm[^,;.()]{0,60}|" +
        @"thư\s+điện\s+tử|email|địa\s+chỉ\s+(?:thư\s+điện\s+tử|email)|cổng[^,;.()]{0,60})(?:\s*[:(]?\s*[\w.+-]+@[\w-]+(?:\.[\w-]+)+\)?)?|" +
        @"[\w.+-]+@[\w-]+(?:\.[\w-]+)+)", RegexOptions.IgnoreCase);
    private static readonly Regex Frequency =
        R(@"(?<q>(?:hằng|hàng|mỗi)\s+quý|định\s+kỳ\s+quý|theo\s+quý)|(?<mo>(?:hằng|hàng|mỗi)\s+tháng|định\s+kỳ\s+tháng|theo\s+tháng)|(?<s>(?:6|" +
        @"sáu)\s+tháng|bán\s+niên|học\s+kỳ)|(?<y>(?:hằng|hàng|mỗi)\s+năm|định\s+kỳ\s+năm|báo\s+cáo\s+năm|tổng\s+kết\s+năm)", RegexOptions.IgnoreCase);
    private static readonly Regex Cutoff = R(@"số\s+liệu(?:\s+(?:báo\s+cáo|thống\s+kê))?\s+(?:được\s+)?(?:tính|" +
        @"lấy|chốt)?\s*(?:từ\s+ngày\s+(?<a>\d{1,2}/\d{1,2}(?:/\d{4})?)\s+)?(?:đến|tới)\s+(?:hết\s+)?ngày\s+(?<b>\d{1,2}/\d{1,2}(?:/\d{4})?)",
        RegexOptions.IgnoreCase);
    private static readonly Regex Outline =
        R(@"(?<o>theo\s+(?:đúng\s+)?(?:đề\s+cương|mẫu|biểu\s+mẫu|phụ\s+lục|hướng\s+dẫn\s+tại\s+phụ\s+lục)[^,;.]{0,80})", RegexOptions.IgnoreCase);

    public static List<ReportRegime> Read(IEnumerable<string> paragraphs, int? year)
    {
        var list = new List<ReportRegime>();
        foreach (var p in paragraphs)
        {
            foreach (var sentence in SentenceSplit.Split(p))
            {
                var r = Report.Match(sentence);
                if (!r.Success) continue;
                var to = To.Match(sentence, r.Index);
                var method = Method.Match(sentence);
                var freq = Frequency.Match(sentence);
                var cut = Cutoff.Match(sentence);
                var outline = Outline.Match(sentence);
                var deadlines = DeadlineExtractor.Extract(sentence, null, year, null, "Báo cáo");
                if (!to.Success && !method.Success && !cut.Success && !outline.Success && deadlines.Count == 0) continue;
                Recurrence? f = freq.Success
                    ? freq.Groups["q"].Success ? Recurrence.Quarterly : freq.Groups["mo"].Success ? Recurrence.Monthly : freq.Groups["s"].Success
                        ? Recurrence.Semiannual : Recurrence.Yearly
                    : deadlines.FirstOrDefault()?.Recurrence;
                var what = sentence[r.Index..];
                var stop = Regex.Match(what, @"\s(?:về|gửi|cho|trước|chậm|qua|bằng|theo|định\s+kỳ|hằng|hàng)\s|[,;.(]");
                if (stop.Success && stop.Index > 8) what = what[..stop.Index];
                list.Add(new ReportRegime(CapitalizeFirst(Collapse(what)))
                {
                    To = to.Success ? Collapse(to.Groups["to"].Value) : deadlines.FirstOrDefault()?.To,
                    Method = method.Success ? Collapse(method.Groups["m"].Value) : null,
                    Frequency = f,
                    Due = deadlines.Count > 0 ? deadlines[^1].Due : null,
                    DataFrom = cut.Success && cut.Groups["a"].Success ? Day(cut.Groups["a"].Value, year) : null,
                    DataTo = cut.Success ? Day(cut.Groups["b"].Value, year) : null,
                    Outline = outline.Success ? Collapse(outline.Groups["o"].Value) : null,
                    Source = Collapse(sentence)
                });
            }
        }
        return list;
    }

    private static DateOnly? Day(string s, int? year)
    {
        var parts = s.Split('/');
        var d = int.Parse(parts[0], CultureInfo.InvariantCulture);
        var m = int.Parse(parts[1], CultureInfo.InvariantCulture);
        int? y = parts.Length > 2 ? int.Parse(parts[2], CultureInfo.InvariantCulture) : year;
        if (y is null || m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y.Value, m)) return null;
        return new DateOnly(y.Value, m, d);
    }
}
