using System.Text;

namespace TeamsPlans.GraphSync;

/// <summary>Deterministic, SharePoint-safe paths ("82/KH-THPT BK" → "82-KH-THPT BK").</summary>
public static class LibraryPaths
{
    const string Illegal = "\"*:<>?/\\|#%~&{}";

    public static string Sanitize(string? s, string fallback = "_")
    {
        if (string.IsNullOrWhiteSpace(s)) return fallback;
        var sb = new StringBuilder(s.Length);
        foreach (var c in s.Normalize(NormalizationForm.FormC))
            sb.Append(Illegal.Contains(c) || char.IsControl(c) ? '-' : c);
        var r = sb.ToString().Trim().Trim('.').Trim();
        while (r.Contains("--", StringComparison.Ordinal)) r = r.Replace("--", "-", StringComparison.Ordinal);
        r = r.Trim('-').Trim();
        // keep ".docx"
        if (r.Length > 120) { var ext = Path.GetExtension(r); ext = ext.Length is > 1 and <= 16 ? ext : "";
            r = r[..(120 - ext.Length)].Trim() + ext; }
        return r.Length == 0 ? fallback : r;
    }

    public static string PlanDocumentPath(PlanDocumentMetadata m, string fileName) =>
        $"{Sanitize(m.PlanNumber)}{Path.GetExtension(Sanitize(fileName))}";

    public static string ReportPath(string planNumber, string period, string fileName) =>
        $"{Sanitize(planNumber)}/{Sanitize(period)}/{Sanitize(fileName)}";

    /// <summary>Each path segment percent-encoded for a Graph "root:/path:" address.</summary>
    public static string EncodeForGraph(string path) => string.Join('/', path.Split('/').Select(Uri.EscapeDataString));
}
