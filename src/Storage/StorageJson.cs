using System.Text.Json;
using System.Text.Json.Serialization;
using TeamsPlans.Plans.Model;

namespace TeamsPlans.Storage;

/// <summary>
/// JSON used for the document/assignee/deadline/payload columns. DueDate is written in its string form
/// ("2024-05-10", "--05-10", "2024-Q2", ...) and enums by name, so the stored JSON stays readable and stable.
/// </summary>
internal static class StorageJson
{
    public static readonly JsonSerializerOptions Options = Create();

    private static JsonSerializerOptions Create()
    {
        var o = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            WriteIndented = false,
        };
        o.Converters.Add(new DueDateJsonConverter());
        o.Converters.Add(new JsonStringEnumConverter());
        o.MakeReadOnly(populateMissingResolver: true);
        return o;
    }

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new InvalidDataException($"Stored JSON for {typeof(T).Name} is null.");

    private sealed class DueDateJsonConverter : JsonConverter<DueDate>
    {
        public override DueDate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var s = reader.GetString();
            return DueDate.TryParse(s, out var d) ? d : throw new JsonException($"Not a due date: '{s}'.");
        }

        public override void Write(Utf8JsonWriter writer, DueDate value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString());
    }
}
