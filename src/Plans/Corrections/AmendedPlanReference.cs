using System.Text.RegularExpressions;
using TeamsPlans.Plans.Model;

namespace TeamsPlans.Plans.Corrections;

/// <summary>
/// The earlier plan a document says it adjusts or supplements: "Điều chỉnh, bổ sung Kế hoạch số 12/KH-THPT ngày 05/01/2023",
/// "bổ sung Kế hoạch số 12/KH-SGDĐT", "điều chỉnh một số nội dung tại Kế hoạch số 12/KH-…". Read from the title first,
/// then the legal bases (Căn cứ / Thực hiện). A document citing its own number is not a correction of another plan.
/// </summary>
public static partial class AmendedPlanReference
{
    [GeneratedRegex(@"(?:điều\s+chỉnh|bổ\s+sung|sửa\s+đổi)[^.;\n]{0,60}?kế\s+hoạch\s+(?:số\s*)?"
        + @"(?<n>\d+\s*/\s*[^\s,;.()]+(?:\s+(?-i:[A-ZĐ]{1,5})(?=[\s,;.]|$))*)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 200)]
    private static partial Regex Amends();

    /// <summary>The number of the plan <paramref name="doc"/> adjusts or supplements, or null.</summary>
    public static string? Of(PlanDocument doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        foreach (var text in new[] { doc.Title }.Concat(doc.LegalBases.Select(b => b.Text)))
        {
            if (string.IsNullOrWhiteSpace(text)) continue;
            var m = Amends().Match(text.Normalize(System.Text.NormalizationForm.FormC));
            if (!m.Success) continue;
            var number = Regex.Replace(m.Groups["n"].Value.Trim(), @"\s*/\s*", "/", RegexOptions.None, TimeSpan.FromMilliseconds(200));
            if (doc.Number is { } own && Same(own, number)) continue;
            return number;
        }
        return null;
    }

    private static bool Same(string a, string b) =>
        string.Equals(Regex.Replace(a, @"\s+", "", RegexOptions.None, TimeSpan.FromMilliseconds(200)),
            Regex.Replace(b, @"\s+", "", RegexOptions.None, TimeSpan.FromMilliseconds(200)), StringComparison.OrdinalIgnoreCase);
}
