using System.Text;

namespace TeamsPlans.Plans.Reading;

/// <summary>
/// Bytes of a .txt/.md plan to text: UTF-8 (with or without BOM), UTF-16 LE/BE with BOM; bytes that are not valid UTF-8
/// are read as Windows-1258 (the Vietnamese ANSI code page).
/// </summary>
public static class TextDecoder
{
    static TextDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Decodes; <paramref name="encodingName"/> says which encoding was used.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes, out string encodingName)
    {
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
        {
            encodingName = "utf-8-bom";
            return Encoding.UTF8.GetString(bytes[3..]);
        }
        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
        {
            encodingName = "utf-16le";
            return Encoding.Unicode.GetString(bytes[2..]);
        }
        if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
        {
            encodingName = "utf-16be";
            return Encoding.BigEndianUnicode.GetString(bytes[2..]);
        }
        try
        {
            var s = StrictUtf8.GetString(bytes);
            encodingName = "utf-8";
            return s;
        }
        catch (DecoderFallbackException)
        {
            // Mostly UTF-8 with a few damaged bytes (a truncated or patched file): keep UTF-8.
            var lossy = Encoding.UTF8.GetString(bytes);
            int bad = 0, multi = 0;
            foreach (var c in lossy)
            {
                if (c == '\uFFFD') bad++;
                else if (c >= 0x80) multi++;
            }
            if (multi >= 20 && bad * 50 <= multi)
            {
                encodingName = "utf-8-damaged";
                return lossy;
            }
            encodingName = "windows-1258";
            return Encoding.GetEncoding(1258).GetString(bytes);
        }
    }
}

/// <summary>Which legacy Vietnamese font encoding a text seems to be typed in.</summary>
public enum LegacyVietnameseEncoding { None, Tcvn3, Vni }

/// <summary>
/// Detects text typed with TCVN3 (ABC, ".VnTime") or VNI fonts. Such text, read as Latin-1/Windows-125x or kept as
/// Unicode code points, is full of Latin-1 characters that Vietnamese never uses ("KÕ ho¹ch", "Gi¸o dôc" in TCVN3;
/// "Keá hoaïch", "ñaøo" in VNI). Proper Vietnamese Unicode uses only the Latin-1 letters à á â ã è é ê ì í ò ó ô õ ù ú ý
/// (and capitals), so the share of the other Latin-1 symbols among non-ASCII characters is a reliable sign.
/// </summary>
public static class LegacyEncodingDetector
{
    // Latin-1 characters that are not Vietnamese letters (TCVN3 and VNI put tone-marked vowels there).
    private const string Foreign = "¡¢£¤¥¦§¨©ª«¬\u00AD®¯°±²³´µ¶·¸¹º»¼½¾¿ÄÅÆÇËÎÏÐÑÖ×ØÛÜÞßäåæçëîïðñö÷øûüþÿ";
    private const string Tcvn3Typical = "¸µ¹¶·®¨¬\u00AD©ª«¾¤¥¦§¢£";
    private const string VniTypical = "øùïñöÑÖØåäëû";
    private static readonly string[] Tcvn3Words = ["KÕ ho¹ch", "ho¹ch", "n¨m", "Gi¸o", "®µo", "t¹o", "Tr\u00ADêng", "th¸ng", "ngµy", "c¸c", "KÕ HO¹CH"];
    private static readonly string[] VniWords = ["Keá hoaïch", "hoaïch", "naêm", "Giaùo", "ñaøo", "taïo", "Tröôøng", "thaùng", "ngaøy", "caùc", "KEÁ HOAÏCH"];

    public static LegacyVietnameseEncoding Detect(string text)
    {
        if (string.IsNullOrEmpty(text)) return LegacyVietnameseEncoding.None;
        int nonAscii = 0, foreign = 0, tcvn = 0, vni = 0;
        var sample = text.Length > 200_000 ? text.AsSpan(0, 200_000) : text.AsSpan();
        foreach (var c in sample)
        {
            if (c < 0x80) continue;
            nonAscii++;
            if (c > 0xFF) continue;
            if (Foreign.Contains(c)) foreign++;
            if (Tcvn3Typical.Contains(c)) tcvn++;
            if (VniTypical.Contains(c)) vni++;
        }
        var s = sample.ToString();
        foreach (var w in Tcvn3Words) if (s.Contains(w, StringComparison.Ordinal)) tcvn += 10;
        foreach (var w in VniWords) if (s.Contains(w, StringComparison.Ordinal)) vni += 10;
        var wordHit = tcvn >= 10 || vni >= 10;
        var shareHigh = nonAscii > 0 && foreign >= 5 && foreign * 100 / nonAscii >= 20;
        if (!wordHit && !shareHigh) return LegacyVietnameseEncoding.None;
        if (tcvn == 0 && vni == 0) return LegacyVietnameseEncoding.None;
        return tcvn >= vni ? LegacyVietnameseEncoding.Tcvn3 : LegacyVietnameseEncoding.Vni;
    }
}
