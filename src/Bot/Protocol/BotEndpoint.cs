using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Options;
using TeamsPlans.Bot.Protocol.Auth;
using TeamsPlans.Bot.Security;
using TeamsPlans.Storage;

namespace TeamsPlans.Bot.Protocol;

/// <summary>
/// POST /api/messages: authenticate, parse the activity, refuse tenants outside "Tenants:Allowed" (<see cref="TenantPolicy"/>;
/// when the list is empty every tenant is accepted and a warning is logged at start-up), dispatch to
/// <see cref="IActivityHandler"/>, answer.
/// </summary>
internal static class BotEndpoint
{
    public const string Route = "/api/messages";
    private const string LogCategory = "TeamsPlans.Bot.Protocol.BotEndpoint";

    public static IEndpointConventionBuilder MapBotEndpoint(this IEndpointRouteBuilder endpoints)
        => endpoints.MapPost(Route, HandleAsync);

    /// <summary>Logs the LOCAL MODE warning when no app id is configured (called once at start-up).</summary>
    public static void WarnIfLocalMode(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<BotOptions>>().Value;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(LogCategory);
        if (services.GetService<TenantPolicy>() is { SingleTenant: true })
            logger.LogWarning("Tenants:Allowed is empty: /api/messages accepts activities of any tenant. / Chưa cấu hình Tenants:Allowed: " +
                "bot nhận hoạt động của mọi tenant.");
        if (!options.IsLocalMode) return;
        logger.LogWarning(
            "LOCAL MODE: Bot:MicrosoftAppId is not set; /api/messages accepts unauthenticated requests from loopback only "
            + "and outbound calls carry no token. "
            + "CHẾ ĐỘ CỤC BỘ: chưa cấu hình Bot:MicrosoftAppId; /api/messages chỉ nhận yêu cầu không xác thực từ máy cục bộ (loopback), "
            + "lời gọi ra ngoài không kèm mã xác thực.");
    }

    public static async Task HandleAsync(HttpContext http)
    {
        var services = http.RequestServices;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(LogCategory);
        var authenticator = services.GetRequiredService<BotAuthenticator>();
        var ct = http.RequestAborted;
        var remote = http.Connection.RemoteIpAddress;

        if (!ActivityBodyLimit.Apply(http))
        {
            logger.LogWarning("Rejected {Status}: body of {Length} bytes is over Security:MaxActivityBytes (caller {RemoteIp})", 413,
                http.Request.ContentLength, remote?.ToString());
            await ActivityBodyLimit.WriteTooLargeAsync(http);
            return;
        }

        BotAuthResult? token = null;
        if (authenticator.IsLocalMode)
        {
            if (remote is null || !IPAddress.IsLoopback(remote))
            {
                logger.LogWarning("Rejected {Status}: local mode accepts loopback callers only, caller {RemoteIp}", 401, remote?.ToString());
                await WriteErrorAsync(http, 401, "Local mode accepts loopback callers only. / Chế độ cục bộ chỉ nhận yêu cầu từ máy cục bộ.");
                return;
            }
        }
        else
        {
            token = await authenticator.ValidateTokenAsync(http.Request.Headers.Authorization.ToString(), ct);
            if (!token.Succeeded)
            {
                logger.LogWarning("Rejected {Status}: {Reason} (caller {RemoteIp})", token.StatusCode, LogText.Clean(token.Reason, 300),
                    remote?.ToString());
                await WriteErrorAsync(http, token.StatusCode, "Unauthorized. / Không được phép.");
                return;
            }
        }

        Activity? activity;
        try
        {
            activity = await JsonSerializer.DeserializeAsync<Activity>(http.Request.Body, BotJson.Options, ct);
        }
        catch (Exception ex) when (ActivityBodyLimit.IsTooLarge(ex))
        {
            logger.LogWarning("Rejected {Status}: body is over Security:MaxActivityBytes (caller {RemoteIp})", 413, remote?.ToString());
            await ActivityBodyLimit.WriteTooLargeAsync(http);
            return;
        }
        catch (JsonException ex)
        {
            logger.LogWarning("Rejected {Status}: body is not an activity ({Error})", 400, LogText.Clean(ex.Message, 300));
            await WriteErrorAsync(http, 400, "The body is not a valid activity. / Nội dung không phải là một hoạt động hợp lệ.");
            return;
        }
        if (activity is null || string.IsNullOrEmpty(activity.Type) || string.IsNullOrEmpty(activity.ServiceUrl)
            || string.IsNullOrEmpty(activity.Conversation?.Id))
        {
            logger.LogWarning("Rejected {Status}: activity lacks type, serviceUrl or conversation.id", 400);
            await WriteErrorAsync(http, 400,
                "The activity needs type, serviceUrl and conversation.id. / Hoạt động cần type, serviceUrl và conversation.id.");
            return;
        }

        if (token is not null)
        {
            var checkedToken = authenticator.ValidateActivity(token, activity);
            if (!checkedToken.Succeeded)
            {
                logger.LogWarning("Rejected {Status}: {Reason} (channel {ChannelId}, serviceUrl {ServiceUrl})",
                    checkedToken.StatusCode, LogText.Clean(checkedToken.Reason, 300), LogText.Clean(activity.ChannelId, 40),
                    LogText.Clean(activity.ServiceUrl));
                await WriteErrorAsync(http, checkedToken.StatusCode, "Forbidden. / Bị từ chối.");
                return;
            }
        }

        // The reply address: only Teams service hosts (Bot:ServiceUrlHosts; loopback in local mode). Checked for every caller,
        // authenticated or not, so no activity stores or is answered at another host.
        if (services.GetService<ServiceUrlPolicy>()?.Explain(activity.ServiceUrl) is { } badUrl)
        {
            logger.LogWarning("Rejected {Status}: {Reason} (serviceUrl {ServiceUrl})", 403, badUrl, LogText.Clean(activity.ServiceUrl));
            await WriteErrorAsync(http, 403,
                "The activity's serviceUrl is not a Teams service address. / serviceUrl của hoạt động không phải địa chỉ dịch vụ Teams.");
            return;
        }

        if (services.GetService<TenantPolicy>()?.Refuses(activity.TenantId) == true)
        {
            logger.LogWarning("Rejected {Status}: tenant {TenantId} is not in Tenants:Allowed ({ActivityType})", 403,
                LogText.Clean(activity.TenantId, 80), LogText.Clean(activity.Type, 40));
            await WriteErrorAsync(http, 403, "This tenant is not served by this bot. / Bot không phục vụ đơn vị (tenant) này.");
            return;
        }

        await RunTurnAsync(http, services, logger, activity, ct);
    }

    /// <summary>The turn, in a logging scope of the activity: the handler runs, the invoke response or 200 is written.</summary>
    private static async Task RunTurnAsync(HttpContext http, IServiceProvider services, ILogger logger, Activity activity,
        CancellationToken ct)
    {
        using var scope = logger.BeginScope(new Dictionary<string, object?>
        {
            ["ActivityType"] = LogText.Clean(activity.Type, 40), ["ActivityId"] = LogText.Clean(activity.Id, 120),
            ["TenantId"] = LogText.Clean(activity.TenantId, 80),
            ["ConversationId"] = LogText.Clean(activity.Conversation?.Id), ["ChannelId"] = LogText.Clean(activity.ChannelId, 40),
        });
        var handler = services.GetRequiredService<IActivityHandler>();
        var connector = services.GetRequiredService<IConnectorClient>();
        // No connector retries inside an invoke (Teams' 10–15 s budget); messages keep the client's retry policy.
        if (activity.Type == ActivityTypes.Invoke && connector is HttpConnectorClient retrying) connector = retrying.WithoutRetries();
        var turn = new TurnContext(activity, connector);
        InvokeResponse? invokeResponse;
        try
        {
            invokeResponse = await handler.OnActivityAsync(activity, turn, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return;
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Handler failed on {ActivityType} {ActivityName}", LogText.Clean(activity.Type, 40),
                LogText.Clean(activity.Name, 80));
            // An invoke always gets a well-formed Universal Actions error (the client shows it on the card); a reply Teams
            // refused (ConnectorException) is not the activity's fault: Teams gets its 200, the failure is logged.
            if (activity.Type == ActivityTypes.Invoke) invokeResponse = UniversalActionResponse.Error(500, "InternalError",
                "Bot không xử lý được thao tác này, vui lòng thử lại sau. / The bot could not handle this action; please try again later.");
            else if (ex is ConnectorException) invokeResponse = null;
            else
            {
                await WriteErrorAsync(http, 500, "The bot could not handle this activity. / Bot không xử lý được hoạt động này.");
                return;
            }
        }

        if (activity.Type == ActivityTypes.Invoke)
        {
            http.Response.StatusCode = invokeResponse?.Status is > 0 ? invokeResponse.Status : 200;
            if (invokeResponse?.Body is not null)
            {
                http.Response.ContentType = "application/json; charset=utf-8";
                await http.Response.WriteAsync(invokeResponse.Body.ToJsonString(BotJson.Options), ct);
            }
            return;
        }
        http.Response.StatusCode = 200;
    }

    private static Task WriteErrorAsync(HttpContext http, int status, string message)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json; charset=utf-8";
        return http.Response.WriteAsync(
            BotJson.Serialize(new { error = new { code = status.ToString(System.Globalization.CultureInfo.InvariantCulture), message } }));
    }
}
