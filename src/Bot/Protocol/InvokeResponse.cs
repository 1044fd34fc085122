using System.Text.Json.Nodes;

namespace TeamsPlans.Bot.Protocol;

/// <summary>The HTTP response to an invoke activity: status code + JSON body.</summary>
public sealed class InvokeResponse
{
    public int Status { get; set; }
    public JsonNode? Body { get; set; }

    public InvokeResponse() { }
    public InvokeResponse(int status, JsonNode? body = null) { Status = status; Body = body; }
}
