using System.Security.Cryptography;
using System.Text;

namespace TeamsPlans.GraphSync;

/// <summary>
/// SharePoint / OneDrive naming rules ("Restrictions and limitations in OneDrive and SharePoint", Microsoft Learn):
/// reserved names (.lock, CON, PRN, AUX, NUL, COM0–COM9, LPT0–LPT9, desktop.ini), "_vti_" anywhere in a name, names
/// starting with "~$", and the 400-character limit on the entire decoded path. Applied after <see cref="LibraryPaths"/>
/// (which removes the forbidden characters); deterministic, so a retried upload goes to the same path.
/// </summary>
internal static class SharePointNames
{
    /// <summary>The documented limit on the entire decoded path, file name included.</summary>
    public const int MaxDecodedPath = 400;
    /// <summary>Characters kept for the site part of the path ("sites/&lt;site&gt;/") that the drive-relative path does not show.</summary>
    public const int SitePathReserve = 100;

    static readonly HashSet<string> Reserved = new(
        new[] { "CON", "PRN", "AUX", "NUL", ".lock", "desktop.ini" }
            .Concat(Enumerable.Range(0, 10).SelectMany(i => new[] { $"COM{i}", $"LPT{i}" })),
        StringComparer.OrdinalIgnoreCase);

    /// <summary>True when SharePoint refuses the name (one path segment).</summary>
    public static bool IsReserved(string segment)
    {
        var stem = Path.GetFileNameWithoutExtension(segment);
        return Reserved.Contains(segment) || Reserved.Contains(stem)
            || segment.Contains("_vti_", StringComparison.OrdinalIgnoreCase) || segment.StartsWith("~$", StringComparison.Ordinal);
    }

    /// <summary>One segment made acceptable: "_vti_" broken up, a leading "~$" dropped, a reserved name suffixed with "_".</summary>
    public static string SafeSegment(string segment)
    {
        var s = segment.Replace("_vti_", "-vti-", StringComparison.OrdinalIgnoreCase);
        while (s.StartsWith("~$", StringComparison.Ordinal)) s = s[2..];
        if (s.Length == 0) s = "_";
        if (IsReserved(s))
        {
            var ext = Path.GetExtension(s);
            var stem = s[..^ext.Length];
            s = stem.Length == 0 ? "_" + s : stem + "_" + ext; // ".lock" → "_.lock", "CON.docx" → "CON_.docx"
        }
        return s;
    }

    /// <summary>
    /// A drive-relative path ("a/b/file.ext") whose segments are safe and whose decoded length, with the library name and
    /// the site reserve, stays within 400 characters: the file name is shortened, keeping its extension and adding a
    /// short hash of the original path so two long names do not collide.
    /// </summary>
    public static string FitPath(string libraryName, string path)
    {
        var parts = path.Split('/').Select(SafeSegment).ToArray();
        var budget = MaxDecodedPath - SitePathReserve - libraryName.Length - 1;
        var joined = string.Join('/', parts);
        if (joined.Length <= budget) return joined;
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(path)))[..8].ToLowerInvariant();
        // Folders first kept to 60 characters each, then the file name gets what is left.
        for (var i = 0; i < parts.Length - 1; i++)
            if (parts[i].Length > 60) parts[i] = parts[i][..60].TrimEnd(' ', '.');
        var folders = parts.Length > 1 ? string.Join('/', parts[..^1]) + "/" : "";
        var file = parts[^1];
        var ext = Path.GetExtension(file);
        if (ext.Length > 16) ext = "";
        var room = budget - folders.Length - ext.Length - hash.Length - 1;
        var stem = file[..^ext.Length];
        if (room < 1) room = 1;
        if (stem.Length > room) stem = stem[..room].TrimEnd(' ', '.');
        return folders + SafeSegment($"{stem}-{hash}{ext}");
    }
}
