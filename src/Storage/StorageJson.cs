using System.Text.Json;
using TeamsPlans.Plans.Json;

namespace TeamsPlans.Storage;

/// <summary>
/// JSON for the document / assignee / deadlines columns: the Plans library's <see cref="PlanJson"/> format (compact),
/// so a stored plan is the same JSON the rest of the system reads and writes (docs/plan-json.md).
/// </summary>
internal static class StorageJson
{
    public static JsonSerializerOptions Options => PlanJson.Compact;

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new InvalidDataException($"Stored JSON for {typeof(T).Name} is null.");
}
