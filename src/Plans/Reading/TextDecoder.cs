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
internal enum LegacyVietnameseEncoding { None, Tcvn3, Vni }

/// <summary>
/// Detects text typed with TCVN3 (ABC, ".VnTime") or VNI fonts and read as Latin-1 / Windows-125x code points
/// ("KÕ ho¹ch", "Gi¸o dôc" in TCVN3; "Keá hoaïch", "ñaøo" in VNI). The decision rests on what cannot occur in NFC
/// Vietnamese: Latin-1 symbols and letters that are no Vietnamese letter (¸ µ ¹ ® ¨ … for TCVN3; ø ñ ö ï û for VNI)
/// written inside a word. Letters Vietnamese does use (à á â ã è é ê ì í ò ó ô õ ù ú ý) never count, and a text whose
/// Vietnamese letters above U+00FF (ư ơ đ ạ ả ế …) outnumber those signs is Unicode, whatever else it holds.
/// </summary>
internal static class LegacyEncodingDetector
{
    // Latin-1 code points TCVN3 puts tone-marked vowels and đ on: none is a letter of Vietnamese.
    private const string Tcvn3Signs = "¸µ¹¶·®¨©ª«¬\u00AD¾¤¥¦§¢£¡½¼³²±°¯ºÆÇËÎÏÐÑÖ×ØÛÜÞß";
    // Latin-1 letters VNI uses for đ, ư, ơ and tone marks that Vietnamese never writes.
    private const string VniSigns = "øñöïûåäëÿØÑÖÏÛÅÄËæœ";

    public static LegacyVietnameseEncoding Detect(string text)
    {
        if (string.IsNullOrEmpty(text)) return LegacyVietnameseEncoding.None;
        var sample = text.Length > 200_000 ? text.AsSpan(0, 200_000) : text.AsSpan();
        int tcvn = 0, vni = 0, vietUnicode = 0;
        for (var i = 0; i < sample.Length; i++)
        {
            var c = sample[i];
            if (c < 0x80) continue;
            if (c is >= '\u0100' and <= '\u01B0' or >= '\u1EA0' and <= '\u1EF9') { vietUnicode++; continue; }
            if (c > 0xFF) continue;
            // Inside a word: a letter right before or right after.
            var inWord = (i > 0 && char.IsLetter(sample[i - 1])) || (i + 1 < sample.Length && char.IsLetter(sample[i + 1]));
            if (!inWord) continue;
            if (VniSigns.Contains(c)) vni++;
            else if (Tcvn3Signs.Contains(c)) tcvn++;
        }
        var signs = tcvn + vni;
        if (signs < 8 || signs * 2 < vietUnicode) return LegacyVietnameseEncoding.None;
        return tcvn >= vni ? LegacyVietnameseEncoding.Tcvn3 : LegacyVietnameseEncoding.Vni;
    }
}
