using System.Globalization;
using System.Text.Json.Nodes;

namespace TeamsPlans.Bot.Routing;

/// <summary>
/// The data of a card action (Action.Execute data, or the Action.Submit value), read with the coercions Teams clients need:
/// strings are trimmed (blank = absent), numbers may arrive as strings ("50%") or doubles.
/// </summary>
internal sealed class CardData(JsonObject values)
{
    public JsonObject Values { get; } = values;

    public string? String(string name) => StringOf(Values, name);

    public int? Int(string name)
    {
        if (Values[name] is not JsonValue v) return null;
        if (v.TryGetValue<int>(out var i)) return i;
        if (v.TryGetValue<long>(out var l) && l is >= int.MinValue and <= int.MaxValue) return (int)l;
        if (v.TryGetValue<double>(out var d) && d == Math.Floor(d) && Math.Abs(d) < int.MaxValue) return (int)d;
        if (v.TryGetValue<string>(out var s)
            && int.TryParse(s.Trim().TrimEnd('%'), NumberStyles.Integer, CultureInfo.InvariantCulture, out var p)) return p;
        return null;
    }

    /// <summary>True when the value is the JSON literal true.</summary>
    public bool Flag(string name) => Values[name] is JsonValue v && v.TryGetValue<bool>(out var b) && b;

    internal static string? StringOf(JsonObject o, string name)
    {
        if (o[name] is not JsonValue v) return null;
        if (v.TryGetValue<string>(out var s)) return string.IsNullOrWhiteSpace(s) ? null : s.Trim();
        if (v.TryGetValue<long>(out var l)) return l.ToString(CultureInfo.InvariantCulture);
        return null;
    }
}
