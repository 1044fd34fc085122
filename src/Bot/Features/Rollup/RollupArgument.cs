using System.Globalization;

namespace TeamsPlans.Bot.Features.Rollup;

/// <summary>What follows "tổng hợp đơn vị": a plan number and/or a year.</summary>
internal static class RollupArgument
{
    /// <summary>"678/KH-SGDĐT 2024" → (number, year); words without a "/" are ignored ("đơn vị nào chưa nộp").</summary>
    public static (string? Number, int? Year) Parse(string? argument)
    {
        if (string.IsNullOrWhiteSpace(argument)) return (null, null);
        var words = argument.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        int? year = null;
        if (words.Count > 0 && words[^1].Trim('.', ',', '?') is { Length: 4 } last
            && int.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var yy) && yy is >= 2000 and <= 2100)
        {
            year = yy;
            words.RemoveAt(words.Count - 1);
        }
        var start = words.FindIndex(w => w.Contains('/', StringComparison.Ordinal));
        var number = start < 0 ? null : string.Join(' ', words.Skip(start)).Trim('?', '.', ',', ' ');
        return (string.IsNullOrEmpty(number) ? null : number, year);
    }
}
