using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;

namespace TeamsPlans.Bot.Tests.Conversation;

/// <summary>
/// The bot's string tables read by reflection: every type of TeamsPlans.Bot with static <c>Vi</c> and <c>En</c> instances
/// of itself (HelpTexts, StatusTexts, CardStrings, …). Each text property is rendered: strings as they are, string arrays
/// item by item, and text functions called with marker arguments, so a placeholder an English text drops shows up.
/// </summary>
internal static partial class TextTables
{
    /// <summary>A table's texts: property name (with "[i]" for array items) → text.</summary>
    public sealed record Table(Type Type, IReadOnlyDictionary<string, string> Vi, IReadOnlyDictionary<string, string> En);

    public static IReadOnlyList<Table> All { get; } = Load();

    /// <summary>The marker a text function is called with for argument <paramref name="i"/> of type <paramref name="t"/>.</summary>
    public static object? Marker(Type t, int i) => t == typeof(string) ? $"⟪arg{i}⟫"
        : t == typeof(int) ? 731 + i
        : t == typeof(long) ? 731L + i
        : t == typeof(int?) ? 731 + i
        : t == typeof(DateOnly) ? new DateOnly(2031, 7, 20 + i)
        : null;

    [GeneratedRegex(@"\{\d+(?:[,:][^}]*)?\}")]
    public static partial Regex FormatPlaceholder();

    [GeneratedRegex(@"\b[A-Za-z]{4,}\b")]
    public static partial Regex AsciiWord();

    private static List<Table> Load()
    {
        var list = new List<Table>();
        foreach (var type in typeof(TeamsPlans.Bot.Cards.CardView).Assembly.GetTypes())
        {
            var vi = type.GetField("Vi", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static);
            var en = type.GetField("En", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static);
            if (vi?.FieldType != type || en?.FieldType != type) continue;
            list.Add(new Table(type, Render(type, vi.GetValue(null)!), Render(type, en.GetValue(null)!)));
        }
        return list;
    }

    private static Dictionary<string, string> Render(Type type, object instance)
    {
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (p.GetIndexParameters().Length > 0) continue;
            switch (p.GetValue(instance))
            {
                case string s:
                    texts[p.Name] = s;
                    break;
                case IEnumerable<string> items:
                    var i = 0;
                    foreach (var item in items) texts[$"{p.Name}[{i++}]"] = item;
                    break;
                case Delegate d when d.Method.ReturnType == typeof(string) && Call(d) is { } text:
                    texts[p.Name] = text;
                    break;
            }
        }
        return texts;
    }

    /// <summary>The function called with markers; null when an argument has no marker type.</summary>
    private static string? Call(Delegate d)
    {
        var parameters = d.Method.GetParameters();
        var args = parameters.Select((p, i) => Marker(p.ParameterType, i)).ToArray();
        return args.Any(a => a is null) ? null : (string?)d.DynamicInvoke(args);
    }

    /// <summary>The argument markers a rendered text shows (for comparing what each language shows).</summary>
    public static IEnumerable<string> Markers(string text) =>
        Regex.Matches(text, @"⟪arg\d⟫|(?<!\d)73\d(?!\d)|\d\d/07/2031").Select(m => m.Value).Distinct().Order(StringComparer.Ordinal);
}
