using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using TeamsPlans.Plans.Model;

namespace TeamsPlans.Plans.Json;

/// <summary>
/// The JSON form of a plan (see docs/plan-json.md): camelCase, Vietnamese not escaped, dates "yyyy-MM-dd",
/// due dates as "yyyy-MM-dd" | "--MM-dd" | "yyyy-Qn" | "yyyy-MM" | "yyyy-yyyy" | "yyyy",
/// recurrence "yearly" | "semiannual" | "quarterly" | "monthly" | null.
/// Nulls are written (a blank issue date is <c>"issuedOn": null</c>). Round-trips <see cref="PlanDocument"/>.
/// </summary>
public static class PlanJson
{
    public static JsonSerializerOptions Options { get; } = Create(indented: true);
    public static JsonSerializerOptions Compact { get; } = Create(indented: false);

    public static JsonSerializerOptions Create(bool indented)
    {
        var o = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DictionaryKeyPolicy = JsonNamingPolicy.CamelCase,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            WriteIndented = indented,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            PropertyNameCaseInsensitive = true,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { DropComputed } }
        };
        o.Converters.Add(new DueDateConverter());
        o.Converters.Add(new RecurrenceConverter());
        o.Converters.Add(new DateOnlyConverter());
        o.MakeReadOnly();
        return o;
    }

    public static string Serialize(PlanDocument plan, bool indented = true) => JsonSerializer.Serialize(plan, indented ? Options : Compact);

    public static PlanDocument Deserialize(string json) =>
        JsonSerializer.Deserialize<PlanDocument>(json, Options) ?? throw new JsonException("Null plan.");

    // Assignee.Display is derived from name/title/unit: not part of the format.
    private static void DropComputed(JsonTypeInfo ti)
    {
        if (ti.Type != typeof(Assignee)) return;
        for (var i = ti.Properties.Count - 1; i >= 0; i--)
            if (ti.Properties[i].Name == "display") ti.Properties.RemoveAt(i);
    }

    public sealed class DueDateConverter : JsonConverter<DueDate>
    {
        public override DueDate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var s = reader.GetString();
            return DueDate.TryParse(s, out var d) ? d : throw new JsonException($"Not a due date: '{s}'.");
        }

        public override void Write(Utf8JsonWriter writer, DueDate value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
    }

    public sealed class RecurrenceConverter : JsonConverter<Recurrence>
    {
        public override Recurrence Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetString() switch
        {
            "yearly" => Recurrence.Yearly,
            "semiannual" => Recurrence.Semiannual,
            "quarterly" => Recurrence.Quarterly,
            "monthly" => Recurrence.Monthly,
            var s => throw new JsonException($"Not a recurrence: '{s}'.")
        };

        public override void Write(Utf8JsonWriter writer, Recurrence value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value switch { Recurrence.Yearly => "yearly", Recurrence.Semiannual => "semiannual",
                Recurrence.Quarterly => "quarterly", Recurrence.Monthly => "monthly", _ => throw new JsonException() });
    }

    public sealed class DateOnlyConverter : JsonConverter<DateOnly>
    {
        public override DateOnly Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var s = reader.GetString();
            return DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                ? d : throw new JsonException($"Not a date (yyyy-MM-dd): '{s}'.");
        }

        public override void Write(Utf8JsonWriter writer, DateOnly value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }
}
