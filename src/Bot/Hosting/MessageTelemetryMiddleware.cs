using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using TeamsPlans.Bot.Protocol;

namespace TeamsPlans.Bot.Hosting;

/// <summary>
/// Wraps POST /api/messages in a "bot.message {type}" span (source "TeamsPlans.Bot") and counts it on
/// <see cref="TeamsPlansTelemetry.MessagesHandled"/> / <see cref="TeamsPlansTelemetry.MessageDuration"/> (and
/// <see cref="TeamsPlansTelemetry.InvokeActions"/> for invokes). The activity type, tenant and card verb are read from a
/// buffered copy of the body; the endpoint then reads the body as usual. The outcome comes from the HTTP answer:
/// ok (&lt; 400), unauthorized (401/403), rejected (other 4xx), error (5xx or an exception). Values from the body are
/// normalized (known activity types only, short verbs) so an unauthenticated caller cannot flood the metrics with
/// new tag values, and the tenant is only tagged once the request was authenticated. Does nothing when no listener
/// is attached (Telemetry:Enabled=false).
/// </summary>
internal sealed partial class MessageTelemetryMiddleware(RequestDelegate next)
{
    /// <summary>Bodies larger than this are not inspected (type "unknown"); Bot Framework activities are far smaller.</summary>
    internal const long PeekLimit = 512 * 1024;

    private static readonly HashSet<string> KnownTypes = new(StringComparer.Ordinal)
    {
        ActivityTypes.Message, ActivityTypes.ConversationUpdate, ActivityTypes.InstallationUpdate, ActivityTypes.Invoke,
        ActivityTypes.MessageReaction, ActivityTypes.Typing, ActivityTypes.Event, "messageUpdate", "messageDelete", "endOfConversation",
    };

    public async Task InvokeAsync(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method)
            || !context.Request.Path.Equals(BotEndpoint.Route, StringComparison.OrdinalIgnoreCase)
            || !(TeamsPlansTelemetry.ActivitySource.HasListeners() || TeamsPlansTelemetry.MessagesHandled.Enabled))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        using var span = TeamsPlansTelemetry.StartMessage();
        var started = Stopwatch.GetTimestamp();
        var info = await PeekAsync(context.Request, context.RequestAborted).ConfigureAwait(false);
        var outcome = "error";
        try
        {
            await next(context).ConfigureAwait(false);
            outcome = Classify(context.Response.StatusCode);
        }
        finally
        {
            var authenticated = outcome is not "unauthorized";
            TeamsPlansTelemetry.RecordMessage(span, info.Type, outcome, Stopwatch.GetElapsedTime(started),
                authenticated ? info.Tenant : null,
                info.Type == ActivityTypes.Invoke && authenticated ? info.Action ?? "other" : null);
        }
    }

    internal static string Classify(int status) => status switch
    {
        < 400 => "ok",
        401 or 403 => "unauthorized",
        < 500 => "rejected",
        _ => "error",
    };

    private readonly record struct Peek(string Type, string? Tenant, string? Action);

    private static async Task<Peek> PeekAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength is not { } length || length <= 0 || length > PeekLimit) return new("unknown", null, null);
        request.EnableBuffering();
        try
        {
            using var doc = await JsonDocument.ParseAsync(request.Body, default, ct).ConfigureAwait(false);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return new("invalid", null, null);
            var type = Str(root, "type") is { } t && KnownTypes.Contains(t) ? t : "other";
            var tenant = Str(Prop(root, "conversation"), "tenantId") ?? Str(Prop(Prop(root, "channelData"), "tenant"), "id");
            if (tenant is not null && !Safe().IsMatch(tenant)) tenant = null;
            string? action = null;
            if (type == ActivityTypes.Invoke)
            {
                action = Str(Prop(Prop(root, "value"), "action"), "verb") ?? Str(root, "name");
                if (action is not null && !Safe().IsMatch(action)) action = "other";
            }
            return new(type, tenant, action);
        }
        catch (JsonException)
        {
            return new("invalid", null, null);
        }
        finally
        {
            request.Body.Position = 0;
        }
    }

    private static JsonElement Prop(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) ? v : default;

    private static string? Str(JsonElement e, string name) =>
        Prop(e, name) is { ValueKind: JsonValueKind.String } v ? v.GetString() : null;

    [GeneratedRegex(@"^[A-Za-z0-9._/:-]{1,64}$")]
    private static partial Regex Safe();
}

/// <summary>Puts <see cref="MessageTelemetryMiddleware"/> first in the pipeline, whatever order the services were registered in.</summary>
internal sealed class MessageTelemetryStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseMiddleware<MessageTelemetryMiddleware>();
        next(app);
    };
}
