using System.Globalization;
using System.Text.Json.Nodes;

namespace TeamsPlans.Bot.Features.Regime;

/// <summary>
/// The report regime made editable in the import preview of a draft (issue 15): per regime read from the plan, the name,
/// content, recipient, method, frequency, data cut-off, outline / form and the form file (an address in the library),
/// as inputs "regime_{n}_{field}". "Lưu" and "Gửi" apply them to the stored plan; the assignment cards then show them.
/// The regime keeps its source sentence and due date, so it still goes with the same report deadline.
/// </summary>
internal static class RegimeEditor
{
    public const string Prefix = "regime_";
    private const string NotPeriodic = "none";

    public static string InputId(int n, string field) => Prefix + n.ToString(CultureInfo.InvariantCulture) + "_" + field;

    /// <summary>The inputs of regime number <paramref name="n"/> (1-based), filled with what is stored.</summary>
    public static Container Inputs(ReportRegime r, int n, RegimeTexts t)
    {
        TextInput Text(string field, string label, string? value, int max, bool multiline = false, string? placeholder = null) =>
            new()
            {
                Id = InputId(n, field), Label = label, Value = value, MaxLength = max, IsMultiline = multiline ? true : null,
                    Placeholder = placeholder,
            };
        var frequency = new ChoiceSetInput
        {
            Id = InputId(n, "frequency"), Label = t.Frequency, Style = "compact", Value = r.Frequency?.ToString() ?? NotPeriodic,
            Choices = [new(t.AdHoc, NotPeriodic), .. new[] { Recurrence.Monthly, Recurrence.Quarterly, Recurrence.Semiannual, Recurrence.Yearly }
                .Select(f => new Choice(t.FrequencyName(f), f.ToString()))],
        };
        return new Container
        {
            Id = "regime-edit-" + n, Spacing = "small", Style = "emphasis",
            Items =
            [
                new TextBlock(t.EditHeader) { Weight = "bolder" },
                Text("name", t.Name, r.What, 300),
                Text("content", t.Content, r.Content ?? r.Source, 1000, multiline: true),
                Text("recipient", t.To, r.To, 200),
                Text("method", t.Method, r.Method, 200),
                frequency,
                Text("datafrom", t.CutoffFrom, r.DataFrom is { } f ? DueFormat.Date(f) : null, 10, placeholder: "dd/MM/yyyy"),
                Text("datato", t.CutoffTo, r.DataTo is { } d ? DueFormat.Date(d) : null, 10, placeholder: "dd/MM/yyyy"),
                Text("outline", t.Outline, r.Outline, 300, placeholder: t.OutlinePlaceholder),
                Text("file", t.OutlineFile, r.OutlineUri, 1000, placeholder: "https://…/Shared Documents/Mau-bao-cao.docx"),
            ],
        };
    }

    /// <summary>
    /// The plan with the regimes as the inputs in <paramref name="data"/> say (null when nothing changed), or the error of
    /// the first input that cannot be read (a date not dd/MM/yyyy, a file address that is not a web address).
    /// </summary>
    public static (PlanDocument? Edited, RegimeEditError? Error) Apply(PlanDocument doc, JsonObject data)
    {
        var reports = doc.Reports.ToList();
        var changed = false;
        for (var i = 0; i < reports.Count; i++)
        {
            var n = i + 1;
            string? Field(string f) => data[InputId(n, f)] is JsonValue v && v.TryGetValue<string>(out var s) ? s.Trim() : null;
            if (!data.ContainsKey(InputId(n, "name"))) continue; // not on the card (beyond the preview's cap)
            var r = reports[i];
            if (!TryDate(Field("datafrom"), out var from) || !TryDate(Field("datato"), out var to))
                return (null, RegimeEditError.BadDate(n));
            if (from is not null && to is not null && from > to) return (null, RegimeEditError.BadDate(n));
            var file = Blank(Field("file"));
            if (file is not null && !(Uri.TryCreate(file, UriKind.Absolute, out var u) && u.Scheme is "https" or "http"))
                return (null, RegimeEditError.BadFile(n));
            var edited = r with
            {
                What = Blank(Field("name")) ?? r.What, To = Blank(Field("recipient")), Method = Blank(Field("method")),
                Frequency = Enum.TryParse<Recurrence>(Field("frequency"), out var fq) && Enum.IsDefined(fq) ? fq : null,
                DataFrom = from, DataTo = to, Outline = Blank(Field("outline")), OutlineUri = file,
                Content = Blank(Field("content")) is { } c && c != r.Source ? c : null,
            };
            if (edited == r) continue;
            reports[i] = edited;
            changed = true;
        }
        return (changed ? doc with { Reports = reports } : null, null);
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;

    private static bool TryDate(string? s, out DateOnly? date)
    {
        date = null;
        if (string.IsNullOrWhiteSpace(s)) return true;
        string[] formats = ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd"];
        if (!DateOnly.TryParseExact(s, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return false;
        date = d;
        return true;
    }
}
