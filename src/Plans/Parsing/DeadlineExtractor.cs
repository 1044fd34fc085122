using System.Globalization;
using System.Text.RegularExpressions;
using TeamsPlans.Plans.Model;
using static TeamsPlans.Plans.Parsing.VietText;

namespace TeamsPlans.Plans.Parsing;

/// <summary>
/// Finds what is due in a piece of text. Recognised forms:
/// dates after a deadline word ("trước ngày 20/5 và 01/11/2023", "chậm nhất ngày 15 tháng 10 năm 2024", "hạn chót 5/6"),
/// a year carried back from the last date of a list; yearly ("... hàng năm", "báo cáo năm (trước 05/11)") and
/// half-yearly ("báo cáo định kỳ 6 tháng (trước ngày 05/6)") dates without a year; quarters ("Thời gian thực hiện: Quý I
/// năm 2019"), months ("trong tháng 6/2024") and school years ("Năm học 2023-2024") in a time context.
/// For each: what is due (the clause before the deadline), to whom (the body after "về / báo cáo / gửi / nộp" closest
/// before the deadline, else the first "về ..." of the sentence), and the assignee given by the caller.
/// </summary>
internal static class DeadlineExtractor
{
    private const string DateCore = @"(?:(?<d>\d{1,2})\s*[/-]\s*(?<m>\d{1,2})(?:\s*[/-]\s*(?<y>\d{4}))?(?!\s*[/-]?\d)|" +
        @"(?<d>\d{1,2})\s+tháng\s+(?<m>\d{1,2})(?:\s+năm\s+(?<y>\d{4}))?)";
    // A time of day or weekday may stand between the deadline word and the date ("Lúc 14
    // giờ 00 ngày 28/4", "bắt đầu 9 giờ 00 phút, ngày 23 tháng 3").
    private const string TimeOfDay = @"(?:(?:lúc|bắt\s+đầu(?:\s+từ)?|từ|vào(?:\s+lúc)?)?\s*\d{1,2}\s*(?:giờ|h|g)\s*(?:\d{1,2}\s*(?:phút|p|" +
        @"')?)?\s*(?:sáng|chiều|tối)?\s*,?\s*)?(?:(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy|\d)|chủ\s+nhật)\s*,?\s*)?";
    private static readonly Regex Trigger =
        R(@"(?<![\p{L}])(?:trước\s+ngày|trước|chậm\s+nhất(?:\s+là)?(?:\s+vào)?(?:\s+ngày)?|muộn\s+nhất(?:\s+là)?(?:\s+ngày)?|" +
        @"hạn\s+chót(?:\s+là)?(?:\s+ngày)?|hạn\s+cuối(?:\s+là)?(?:\s+ngày)?|thời\s+hạn(?:\s+nộp)?(?:\s+là)?\s*:?(?:\s+ngày)?|" +
        @"hạn\s+nộp\s*:?(?:\s+ngày)?|hoàn\s+thành(?:\s+trước|\s+vào)?(?:\s+ngày)?|thời\s+gian(?:\s+(?:thực\s+hiện|" +
        @"hoàn\s+thành|tổ\s+chức|kiểm\s+tra|nộp|gửi))?\s*:\s*" + TimeOfDay + @"(?:ngày)?|(?:lúc|vào\s+lúc|bắt\s+đầu)\s*(?=\d)" + TimeOfDay
        + @"\s*(?:ngày)?|(?:vào|trong|tổ\s+chức|diễn\s+ra|tiến\s+hành|họp)\s+(?:các\s+)?ngày|ngày)\s*(?:ngày\s*)?(?=\d)", RegexOptions.IgnoreCase);
    private static readonly Regex RangeRx =
        R(@"(?<![\p{L}])từ\s+(?:ngày\s*)?(?<d1>\d{1,2})\s*[/-]\s*(?<m1>\d{1,2})(?:\s*[/-]\s*(?<y1>\d{4}))?\s*(?:đến|tới|" +
        @"[-–])\s*(?:hết\s+)?(?:ngày\s*)?(?<d2>\d{1,2})\s*[/-]\s*(?<m2>\d{1,2})(?:\s*[/-]\s*(?<y2>\d{4}))?(?!\d)", RegexOptions.IgnoreCase);
    private static readonly Regex DayList = R(@"(?<![\p{L}\d/])(?:ngày\s+)?(?<days>\d{1,2}(?:\s*(?:,|và|" +
        @";)\s*\d{1,2})+)\s+tháng\s+(?<m>\d{1,2})(?:\s+năm\s+(?<y>\d{4}))?", RegexOptions.IgnoreCase);
    // "vào ngày 12, 13/ 9": the same list with the month after a slash (only after "ngày", so a list of numbers is no date).
    private static readonly Regex DayListSlash = R(@"(?<![\p{L}])ngày\s+(?<days>\d{1,2}(?:\s*(?:,|và|;)\s*\d{1,2})+)" +
        @"\s*/\s*(?<m>\d{1,2})(?:\s*/\s*(?<y>\d{4}))?(?![\d/])", RegexOptions.IgnoreCase);
    // A year as the time given for a task ("Thời gian thực hiện: năm 2025", "hoàn thành trong năm 2025"); a year in a
    // strategy's name ("Chiến lược … đến năm 2030") is no deadline.
    // A target to reach by a year ("Các chỉ tiêu cụ thể đến năm 2030", "chỉ tiêu giảm tỷ lệ nghèo đa chiều đến năm 2025") is due then.
    private static readonly Regex YearDue = R(@"(?:thời\s+gian(?:\s+\p{L}+){0,3}\s*:\s*|thời\s+hạn\s*:?\s*|hoàn\s+thành\s+|" +
        @"(?<![\p{L}])chỉ\s+tiêu(?:\s+[^.;:\d\s]+){0,10}?\s+(?=đến\s+năm))(?:cả\s+|trong\s+|" +
        @"đến\s+|trước\s+|vào\s+)?(?:năm\s+)?(?<y>(?:19|20)\d\d)(?![\d/])(?!\s*[-–]\s*\d)", RegexOptions.IgnoreCase);
    private static readonly Regex Citation = R(@"(?:\d+\s*/\s*\p{Lu}|số\s*:?\s*\d|ban\s+hành|ký)[^.;]{0,40}$", RegexOptions.IgnoreCase);
    private static readonly Regex ValidityUntil =
        R(@"(?<![\p{L}])hiệu\s+lực(?:\s+thi\s+hành)?\s*(?:(?:đến|tới)(?:\s+hết)?\s*)?$", RegexOptions.IgnoreCase);
    // "căn cứ Luật Tổ chức chính quyền địa phương ngày 16/6/2025": a law cited by name, dated.
    private static readonly Regex NamedLaw = R(@"(?<![\p{L}])(?:Luật|Bộ\s+luật|Hiến\s+pháp|Pháp\s+lệnh)\s+\p{Lu}[^.;()]{0,50}$");
    private static readonly Regex InForceFrom = R(@"hiệu\s+lực(?:\s+thi\s+hành)?\s+(?:kể\s+)?từ\s*$", RegexOptions.IgnoreCase);
    private static readonly Regex QuarterlyNear =
        R(@"(?:hằng|hàng|mỗi)\s+quý|định\s+kỳ\s+(?:hằng\s+|hàng\s+)?quý|cuối\s+quý|tháng\s+cuối\s+quý", RegexOptions.IgnoreCase);
    private static readonly Regex MonthlyNear = R(@"(?:hằng|hàng|mỗi)\s+tháng|định\s+kỳ\s+(?:hằng\s+|hàng\s+)?tháng", RegexOptions.IgnoreCase);
    // "trước ngày 18 hằng tháng", "chậm nhất ngày 25 của tháng": the day recurs every month (month 1 until anchored).
    private static readonly Regex DayOfMonth = R(@"(?<![\p{L}])(?:trước|chậm\s+nhất|vào|hạn)\s+(?:ngày\s+)?(?<d>\d{1,2})\s+(?:(?:của\s+)?(?:hằng|" +
        @"hàng|mỗi)\s+tháng|(?:của\s+)?tháng(?=\s*[,.;)]|\s*$))", RegexOptions.IgnoreCase);
    private static readonly Regex DayOfQuarter =
        R(@"(?<![\p{L}])(?:trước|chậm\s+nhất)\s+(?:ngày\s+)?(?<d>\d{1,2})\s+(?:của\s+)?tháng\s+cuối\s+(?:mỗi\s+)?quý", RegexOptions.IgnoreCase);
    private static readonly Regex FirstDate = R(@"\G" + DateCore, RegexOptions.IgnoreCase);
    private static readonly Regex NextDate = R(@"\G\s*(?:,|và|hoặc|;)\s*(?:ngày\s*)?" + DateCore, RegexOptions.IgnoreCase);
    private static readonly Regex YearlyAfter = R(@"\G\s*\)?\s*(?:của\s+)?(?:(?:hàng|hằng|mỗi)\s+năm|năm\s+(?:liền\s+kề|liền\s+sau|tiếp\s+theo|" +
        @"kế\s+tiếp|sau)(?![\p{L}]))", RegexOptions.IgnoreCase);
    private static readonly Regex SemiBefore = R(@"(?:6|sáu)\s+tháng|nửa\s+năm|giữa\s+năm|bán\s+niên|sơ\s+kết\s+học\s+kỳ", RegexOptions.IgnoreCase);
    private static readonly Regex YearlyBefore =
        R(@"(?:hàng|hằng|mỗi)\s+năm|báo\s+cáo\s+năm|tổng\s+kết\s+năm|cuối\s+năm|định\s+kỳ\s+năm", RegexOptions.IgnoreCase);
    private static readonly Regex Quarter = R(@"(?<![\p{L}])quý\s+(?<q>IV|I{1,3}|[1-4])\s*(?:/|,?\s*năm)\s*(?<y>\d{4})", RegexOptions.IgnoreCase);
    private static readonly Regex Month =
        R(@"(?<!ngày\s*\d{1,2}\s*)(?<![\p{L}])tháng\s+(?<m>\d{1,2})\s*(?:/|năm)\s*(?<y>\d{4})", RegexOptions.IgnoreCase);
    private static readonly Regex SchoolYear = R(@"(?<![\p{L}])năm\s+học\s+(?<a>\d{4})\s*[-–]\s*(?<b>\d{4})", RegexOptions.IgnoreCase);
    private static readonly Regex TimeContext =
        R(@"thời\s+gian|thời\s+hạn|hoàn\s+thành|trước|trong|cuối|đến\s+hết|chậm\s+nhất|hạn\s+chót", RegexOptions.IgnoreCase);
    private static readonly Regex Target = R(@"(?<![\p{L}])(?<kw>về|báo\s+cáo|gửi|nộp|cho|lên|đến)\s+(?<org>(?:Sở|Phòng|Ủy\s+ban|Uỷ\s+ban|UBND|" +
        @"Bộ|Ban|Văn\s+phòng|Lãnh\s+đạo|Hiệu\s+trưởng|Trường|Hội\s+đồng|Thường\s+trực|Đảng\s+ủy|Công\s+đoàn|Cục|Vụ|Thành\s+ủy|Huyện\s+ủy|Tỉnh\s+ủy|" +
        @"Chi\s+bộ|Tổ)(?![\p{L}]).*?)(?=\s*\(|\s*;|\.\s|\.$|,\s|\s+(?:trước|để|qua|trong|theo|chậm|vào|hạn|kèm|đồng\s+thời)(?![\p{L}])|\s*$)");
    private static readonly Regex WhatCut = R(@"\s(?:về|cho|lên|qua|để|trước)\s");
    private static readonly Regex Deliverable =
        R(@"(?<![\p{L}])(?:báo\s+cáo|kế\s+hoạch|hồ\s+sơ|danh\s+sách|văn\s+bản|đề\s+xuất|sản\s+phẩm|tổng\s+hợp)", RegexOptions.IgnoreCase);
    private static readonly Regex LeadingFiller = R(@"^(?:[\s,;:)\-–]|đồng\s+thời|thực\s+hiện|và|các|để)+", RegexOptions.IgnoreCase);
    private static readonly Regex FullStop = R(@"(?<=[.!?])\s+(?=[\p{Lu}])");
    private static readonly Regex SentenceEnd = R(@"(?<=[.!?])\s+(?=[\p{Lu}])|:\s+");

    internal sealed record Found(int Index, Deadline Deadline);

    public static List<Deadline> Extract(string text, string? assignee, int? docYear, string? heading, string fallbackWhat,
        List<string>? warnings = null)
    {
        var found = new List<Found>();
        var headingTime = heading is not null && heading.Contains("thời gian", StringComparison.OrdinalIgnoreCase);
        var prevEnd = 0;
        var consumed = new List<(int Start, int End)>();
        bool Consumed(int i) => consumed.Any(c => i >= c.Start && i < c.End);
        // "từ ngày 01/3 đến ngày 15/3/2024": one item, due the end, starting the start.
        foreach (Match r in RangeRx.Matches(text))
        {
            var y2 = r.Groups["y2"].Success ? int.Parse(r.Groups["y2"].Value, CultureInfo.InvariantCulture) : docYear;
            var y1 = r.Groups["y1"].Success ? int.Parse(r.Groups["y1"].Value, CultureInfo.InvariantCulture) : y2;
            int d1 = Int(r, "d1"), m1 = Int(r, "m1"), d2 = Int(r, "d2"), m2 = Int(r, "m2");
            if (y2 is null || y1 is null || !ValidDay(y2.Value, m2, d2) || !ValidDay(y1.Value, m1, d1)) continue;
            var start = ClauseStart(text, r.Index, 0);
            var (what, to) = WhatAndTo(text, start, r.Index, fallbackWhat);
            var guessed = !r.Groups["y2"].Success;
            found.Add(new Found(r.Index, new Deadline(DueDate.OnDate(new DateOnly(y2.Value, m2, d2)), null, what, to, assignee)
            { Start = new DateOnly(y1.Value, m1, d1), Source = Clause(text, start, r.Index + r.Length), Confidence = guessed
                ? CarriedYearConfidence : 1 }));
            consumed.Add((r.Index, r.Index + r.Length));
        }
        // "24, 25 và 26 tháng 8": one item per day.
        foreach (var l in DayList.Matches(text).Concat(DayListSlash.Matches(text)))
        {
            if (Consumed(l.Index)) continue;
            var mo = Int(l, "m");
            int? y = l.Groups["y"].Success ? Int(l, "y") : docYear;
            if (y is null) continue;
            var start = ClauseStart(text, l.Index, 0);
            var (what, to) = WhatAndTo(text, start, l.Index, fallbackWhat);
            foreach (var ds in Regex.Split(l.Groups["days"].Value, @"\s*(?:,|và|;)\s*"))
            {
                if (!int.TryParse(ds, NumberStyles.None, CultureInfo.InvariantCulture, out var d) || !ValidDay(y.Value, mo, d)) continue;
                found.Add(new Found(l.Index, new Deadline(DueDate.OnDate(new DateOnly(y.Value, mo, d)), null, what, to, assignee)
                { Source = Clause(text, start, l.Index + l.Length), Confidence = l.Groups["y"].Success ? 1 : CarriedYearConfidence }));
            }
            consumed.Add((l.Index, l.Index + l.Length));
        }
        foreach (Match q in DayOfQuarter.Matches(text))
        {
            if (Consumed(q.Index)) continue;
            var d = Int(q, "d");
            if (d is < 1 or > 31) continue;
            var start = ClauseStart(text, q.Index, 0);
            var (what, to) = WhatAndTo(text, start, q.Index, fallbackWhat);
            found.Add(new Found(q.Index, new Deadline(DueDate.Yearly(3, Math.Min(d, 31)), Recurrence.Quarterly, what, to,
                assignee) { Source = Clause(text, start, q.Index + q.Length) }));
            consumed.Add((q.Index, q.Index + q.Length));
        }
        foreach (Match q in DayOfMonth.Matches(text))
        {
            var d = Int(q, "d");
            if (Consumed(q.Index) || d is < 1 or > 31) continue;
            var start = ClauseStart(text, q.Index, 0);
            var (what, to) = WhatAndTo(text, start, q.Index, fallbackWhat);
            found.Add(new Found(q.Index,
                new Deadline(DueDate.Yearly(1, d), Recurrence.Monthly, what, to, assignee) { Source = Clause(text, start, q.Index + q.Length) }));
            consumed.Add((q.Index, q.Index + q.Length));
        }
        foreach (Match t in Trigger.Matches(text))
        {
            if (t.Index < prevEnd || Consumed(t.Index) || Consumed(t.Index + t.Length)) continue;
            // "(Quyết định) có hiệu lực đến hết ngày …": how long a decision holds, not something due.
            if (ValidityUntil.IsMatch(text.AsSpan(Math.Max(0, t.Index - 40), Math.Min(40, t.Index)))) continue;
            // A bare "ngày …" after a document's number is that document's date, not something due.
            if (t.Value.TrimStart().StartsWith("ngày", StringComparison.OrdinalIgnoreCase) && t.Value.Trim().Length <= 5)
            {
                var back = text.Substring(Math.Max(0, t.Index - 60), Math.Min(60, t.Index));
                if (Citation.IsMatch(back) || NamedLaw.IsMatch(back)) continue;
                // "(Thông tư) có hiệu lực (thi hành) từ ngày …": when a rule takes effect, not something due.
                if (InForceFrom.IsMatch(back)) continue;
            }
            var dates = new List<(int D, int M, int? Y)>();
            var pos = t.Index + t.Length;
            var m = FirstDate.Match(text, pos);
            if (!m.Success || PeriodBound.Is(text, t.Index, m.Index) || ReportedEvent.Opens(text, t.Index, m.Index)) continue;
            dates.Add(ReadDate(m));
            pos = m.Index + m.Length;
            while (true)
            {
                var n = NextDate.Match(text, pos);
                if (!n.Success) break;
                dates.Add(ReadDate(n));
                pos = n.Index + n.Length;
            }
            Recurrence? rec = null;
            var ya = YearlyAfter.Match(text, pos);
            if (ya.Success) { rec = Recurrence.Yearly; pos = ya.Index + ya.Length; }
            var clauseStart = ClauseStart(text, t.Index, prevEnd);
            var clause = text[clauseStart..t.Index];
            var near = clause.Length > 60 ? clause[^60..] : clause;
            var sentenceAround = text.Substring(clauseStart, Math.Min(text.Length, pos + 40) - clauseStart);
            if (rec is null)
            {
                if (QuarterlyNear.IsMatch(sentenceAround)) rec = Recurrence.Quarterly;
                else if (MonthlyNear.IsMatch(sentenceAround)) rec = Recurrence.Monthly;
                else if (SemiBefore.IsMatch(near)) rec = Recurrence.Semiannual;
                else if (YearlyBefore.IsMatch(near)) rec = Recurrence.Yearly;
            }
            var lastYear = dates.LastOrDefault(d => d.Y is not null).Y;
            var (what, to) = WhatAndTo(text, clauseStart, t.Index, fallbackWhat);
            foreach (var (d, mo, y) in dates)
            {
                DueDate due;
                if (y is null && lastYear is null && rec is not null)
                {
                    if (!ValidDay(2024, mo, d)) continue;
                    due = DueDate.Yearly(mo, d);
                }
                else
                {
                    var year = y ?? lastYear ?? docYear;
                    if (year is null || !ValidDay(year.Value, mo, d)) continue;
                    if (y is null && lastYear is null)
                        warnings?.Add($"Hạn {d:00}/{mo:00} không ghi năm, lấy năm {year} của kế hoạch / Deadline {d:00}/{mo:00} has no year; " +
                            $"the plan year {year} is used.");
                    due = DueDate.OnDate(new DateOnly(year.Value, mo, d));
                }
                found.Add(new Found(t.Index, new Deadline(due, rec, what, to, assignee)
                { Source = Clause(text, clauseStart, pos), Confidence = y is null && lastYear is null
                    && due.Kind == DueKind.Date ? CarriedYearConfidence : 1 }));
            }
            prevEnd = pos;
        }

        foreach (Match q in Quarter.Matches(text))
        {
            if (!InTimeContext(text, q.Index, headingTime)) continue;
            var qn = q.Groups["q"].Value.ToUpperInvariant() switch { "I" or "1" => 1, "II" or "2" => 2, "III" or "3" => 3, _ => 4 };
            var y = int.Parse(q.Groups["y"].Value, CultureInfo.InvariantCulture);
            var (what, to) = WhatAndTo(text, ClauseStart(text, q.Index, 0), q.Index, fallbackWhat);
            found.Add(new Found(q.Index, new Deadline(DueDate.InQuarter(y, qn), null, what, to, assignee)));
        }
        foreach (Match mm in Month.Matches(text))
        {
            if (!InTimeContext(text, mm.Index, headingTime)) continue;
            var mo = int.Parse(mm.Groups["m"].Value, CultureInfo.InvariantCulture);
            if (mo is < 1 or > 12) continue;
            var y = int.Parse(mm.Groups["y"].Value, CultureInfo.InvariantCulture);
            if (found.Any(f => Math.Abs(f.Index - mm.Index) < 3)) continue;
            var (what, to) = WhatAndTo(text, ClauseStart(text, mm.Index, 0), mm.Index, fallbackWhat);
            found.Add(new Found(mm.Index, new Deadline(DueDate.InMonth(y, mo), null, what, to, assignee)));
        }
        foreach (Match yd in YearDue.Matches(text))
        {
            if (Consumed(yd.Index) || found.Any(f => Math.Abs(f.Index - yd.Index) < 12)) continue;
            var y = Int(yd, "y");
            var start = ClauseStart(text, yd.Index, 0);
            var (what, to) = WhatAndTo(text, start, yd.Index, fallbackWhat);
            found.Add(new Found(yd.Index,
                new Deadline(DueDate.InYear(y), null, what, to, assignee) { Source = Clause(text, start, yd.Index + yd.Length) }));
        }
        foreach (Match s in SchoolYear.Matches(text))
        {
            var a = int.Parse(s.Groups["a"].Value, CultureInfo.InvariantCulture);
            var b = int.Parse(s.Groups["b"].Value, CultureInfo.InvariantCulture);
            if (b != a + 1 || !InTimeContext(text, s.Index, headingTime)) continue;
            var (what, to) = WhatAndTo(text, ClauseStart(text, s.Index, 0), s.Index, fallbackWhat);
            found.Add(new Found(s.Index, new Deadline(DueDate.SchoolYearOf(a), null, what, to, assignee)));
        }
        return found.OrderBy(f => f.Index).Select(f => f.Deadline).ToList();
    }

    /// <summary>Confidence of a date whose year is not printed beside it (carried from the heading or the plan).</summary>
    public const double CarriedYearConfidence = ReadConfidence.CarriedYear;

    private static int Int(Match m, string g) => int.Parse(m.Groups[g].Value, CultureInfo.InvariantCulture);

    private static string Clause(string text, int start, int end)
    {
        start = Math.Clamp(start, 0, text.Length);
        end = Math.Clamp(end, start, text.Length);
        var stop = text.IndexOfAny(['.', ';'], end);
        if (stop > 0 && stop - end < 120) end = stop;
        return Collapse(text[start..end]);
    }

    private static (int D, int M, int? Y) ReadDate(Match m) => (
        int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture),
        int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture),
        m.Groups["y"].Success ? int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture) : null);

    private static bool ValidDay(int y, int m, int d) => m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m);

    private static bool InTimeContext(string text, int index, bool headingTime)
    {
        if (headingTime) return true;
        var from = Math.Max(0, index - 300);
        var start = from;
        foreach (Match e in FullStop.Matches(text.Substring(from, index - from))) start = from + e.Index + e.Length;
        var before = text[Math.Max(start, index - 80)..index];
        return TimeContext.IsMatch(before);
    }

    private static int SentenceStart(string text, int index)
    {
        var from = Math.Max(0, index - 600);
        var start = from;
        foreach (Match e in SentenceEnd.Matches(text.Substring(from, index - from))) start = from + e.Index + e.Length;
        return start;
    }

    private static int ClauseStart(string text, int index, int prevEnd)
    {
        var start = Math.Max(SentenceStart(text, index), prevEnd);
        var semi = text.LastIndexOf(';', Math.Max(index - 1, 0));
        if (semi + 1 > start && semi < index) start = semi + 1;
        return start;
    }

    private static (string What, string? To) WhatAndTo(string text, int clauseStart, int triggerIndex, string fallbackWhat)
    {
        var seg = text[clauseStart..triggerIndex];
        string? to = null;
        var targets = Target.Matches(seg);
        if (targets.Count > 0) to = CleanOrg(targets[^1].Groups["org"].Value);
        else
        {
            // No body named in the clause: the first "về ..." of the sentence (the report's main destination).
            var sent = text[SentenceStart(text, clauseStart)..clauseStart];
            foreach (Match m in Target.Matches(sent))
            {
                if (!m.Groups["kw"].Value.Equals("về", StringComparison.OrdinalIgnoreCase)) continue;
                to = CleanOrg(m.Groups["org"].Value);
                break;
            }
        }
        var what = seg;
        var cut = WhatCut.Match(what);
        if (cut.Success) what = what[..cut.Index];
        var del = Deliverable.Match(what);
        if (del.Success) what = what[del.Index..];
        what = LeadingFiller.Replace(what, "").Trim().TrimEnd('(', ',', ';', ':', '-', '–').Trim();
        if (what.Length == 0)
        {
            // "Xây dựng kế hoạch ... . Thời gian thực hiện: Quý I năm 2019": the previous sentence says what.
            var before = text[..SentenceStart(text, clauseStart)].TrimEnd();
            for (var step = 0; step < 3 && what.Length == 0 && before.Length > 0; step++)
            {
                if (before.EndsWith(':')) before = before[..^1];
                var prevStart = SentenceStart(before, before.Length);
                var prev = before[prevStart..].Trim().TrimEnd('.', ':').Trim();
                if (prev.Length > 0 && !prev.Contains("thời gian", StringComparison.OrdinalIgnoreCase)) what = prev;
                before = before[..prevStart].TrimEnd();
            }
        }
        if (what.Length == 0) what = fallbackWhat;
        return (CapitalizeFirst(what), to);
    }

    private static string CleanOrg(string s)
    {
        s = Collapse(s).TrimEnd('.', ',', ';', ':');
        var p = s.IndexOf('(');
        if (p > 0) s = s[..p].Trim();
        return s;
    }
}
