using System.Text.Json.Nodes;
using TeamsPlans.Bot.Protocol;
using TeamsPlans.Bot.Security;
using TeamsPlans.Plans.Scheduling;

namespace TeamsPlans.Bot.Routing;

/// <summary>
/// The route table above the protocol layer, in the style of the Agents SDK's AgentApplication: features register
/// <see cref="OnCommand"/>, <see cref="OnCardAction"/>, <see cref="OnInstall"/>, <see cref="OnMembersAdded"/> and
/// <see cref="OnFile"/> handlers. Once per turn the router opens a logging scope, refuses tenants outside Tenants:Allowed,
/// remembers the sender, works out the card language and, for card actions, refuses card data of another tenant — so a
/// handler starts from a <see cref="TurnState"/> and never repeats these checks. Card actions arrive as Universal Actions
/// invokes ("adaptiveCard/action") or as their Action.Submit fallback (a message whose value carries "verb").
/// </summary>
internal abstract class ActivityRouter(TurnServices services) : IActivityHandler
{
    private readonly Dictionary<CommandKind, CommandHandler> _commands = [];
    private readonly Dictionary<string, CardActionHandler> _actions = new(StringComparer.Ordinal);
    private UpdateHandler? _install;
    private UpdateHandler? _membersAdded;
    private UpdateHandler? _uninstall;
    private FileHandler? _file;
    private CommandHandler? _otherCommand;
    private Func<TurnState, CancellationToken, Task>? _beforeMessage;

    private ILogger Logger => services.Logger;

    /// <summary>Routes a chat command kind (see <see cref="TextCommands"/>) to its handler.</summary>
    protected void OnCommand(CommandKind kind, CommandHandler handler) => _commands.Add(kind, handler);

    /// <summary>The handler of commands no feature registered (and of text that is no command).</summary>
    protected void OnOtherCommand(CommandHandler handler) => _otherCommand = handler;

    /// <summary>Routes a card verb (see <see cref="CardVerbs"/>) to its handler.</summary>
    protected void OnCardAction(string verb, CardActionHandler handler) => _actions.Add(verb, handler);

    /// <summary>The bot was installed (installationUpdate "add…", or the bot among membersAdded).</summary>
    protected void OnInstall(UpdateHandler handler) => _install = handler;

    /// <summary>The app was removed (installationUpdate "remove…").</summary>
    protected void OnUninstall(UpdateHandler handler) => _uninstall = handler;

    /// <summary>Members other than the bot joined a conversation the bot is in.</summary>
    protected void OnMembersAdded(UpdateHandler handler) => _membersAdded = handler;

    /// <summary>Runs before the handler of every message (the notice that the bot was down).</summary>
    protected void BeforeMessage(Func<TurnState, CancellationToken, Task> hook) => _beforeMessage = hook;

    /// <summary>A file was sent to the bot in chat.</summary>
    protected void OnFile(FileHandler handler) => _file = handler;

    public async Task<InvokeResponse?> OnActivityAsync(Activity activity, ITurnContext turn, CancellationToken ct)
    {
        var tenantId = activity.TenantId ?? services.Options.DefaultTenantId;
        using var scope = Logger.BeginScope(new Dictionary<string, object?>
        {
            ["TenantId"] = tenantId, ["ActivityType"] = activity.Type, ["ActivityId"] = activity.Id,
        });
        // The endpoint refuses tenants outside Tenants:Allowed; this also covers Conversation:DefaultTenantId.
        if (services.Tenants.Refuses(tenantId))
        {
            Logger.LogWarning("Refused {ActivityType} for tenant {TenantId}: not in Tenants:Allowed", LogText.Clean(activity.Type, 40),
                LogText.Clean(tenantId, 80));
            if (activity.Type == ActivityTypes.Invoke) return InvokeResponses.Error(403, "TenantNotAllowed", "Bot không phục vụ đơn vị (tenant) này.",
                "This tenant is not served by this bot.");
            return null;
        }
        switch (activity.Type)
        {
            case ActivityTypes.Invoke:
                if (!string.Equals(activity.Name, InvokeResponses.AdaptiveCardAction, StringComparison.Ordinal)) return new InvokeResponse(501);
                if (tenantId is null) return InvokeResponses.Error(400, "MissingTenant", "Thiếu thông tin đơn vị (tenant).",
                    "The activity has no tenant.");
                return await OnInvokeAsync(activity, turn, tenantId, ct).ConfigureAwait(false);
            case ActivityTypes.ConversationUpdate:
            case ActivityTypes.InstallationUpdate:
                if (tenantId is not null && (BotRemoved(activity) ? _uninstall : BotAdded(activity) ? _install : _membersAdded) is { } update)
                    await update(activity, turn, tenantId, ct).ConfigureAwait(false);
                return null;
            case ActivityTypes.Message:
                if (tenantId is null)
                {
                    await turn.SendTextAsync("Không xác định được đơn vị (tenant) của cuộc trò chuyện. / This conversation has no tenant.", ct)
                        .ConfigureAwait(false);
                    return null;
                }
                await OnMessageAsync(activity, turn, tenantId, ct).ConfigureAwait(false);
                return null;
            default:
                return null;
        }
    }

    private static bool BotRemoved(Activity activity) => activity.Type == ActivityTypes.InstallationUpdate
        && activity.Action is { } a && a.StartsWith("remove", StringComparison.OrdinalIgnoreCase);

    private static bool BotAdded(Activity activity) => activity.Type == ActivityTypes.InstallationUpdate
        ? activity.Action is { } a && a.StartsWith("add", StringComparison.OrdinalIgnoreCase)
        : activity.MembersAdded?.Any(m => m.Id == activity.Recipient?.Id) == true;

    private async Task OnMessageAsync(Activity activity, ITurnContext turn, string tenantId, CancellationToken ct)
    {
        var member = await services.Directory.RememberSenderAsync(activity, tenantId, ct).ConfigureAwait(false);
        var state = new TurnState(activity, turn, tenantId, member, ViewFor(activity, member));
        if (_beforeMessage is not null) await _beforeMessage(state, ct).ConfigureAwait(false);

        if (_file is not null && ReportHandIn.FileOf(activity) is { } file)
        {
            await _file(state, file, ct).ConfigureAwait(false);
            return;
        }
        if (activity.Value is JsonObject submit && submit["verb"] is JsonValue)
        {
            await OnSubmitAsync(activity, turn, tenantId, submit, ct).ConfigureAwait(false);
            return;
        }

        var command = TextCommands.Parse(activity.Text);
        Logger.LogInformation("Command {Command} from {AadObjectId} in {TenantId}", command.Kind, member?.AadObjectId, tenantId);
        var handler = _commands.GetValueOrDefault(command.Kind) ?? _otherCommand;
        if (handler is null) return;
        var reply = await handler(state, command, ct).ConfigureAwait(false);
        await turn.SendAsync(reply.ToMessage(), ct).ConfigureAwait(false);
    }

    /// <summary>Action.Submit fallback of an Action.Execute (clients without Universal Actions): the card clicked is replaced.</summary>
    private async Task OnSubmitAsync(Activity activity, ITurnContext turn, string tenantId, JsonObject submit, CancellationToken ct)
    {
        var verb = CardData.StringOf(submit, "verb")!;
        var result = await OnCardActionAsync(activity, turn, tenantId, verb, new CardData(submit), ct).ConfigureAwait(false);
        if (result.Card is null)
        {
            await turn.SendTextAsync($"⚠ {result.Vi} / {result.En}", ct).ConfigureAwait(false);
            return;
        }
        if (!string.IsNullOrEmpty(activity.ReplyToId))
        {
            try
            {
                await turn.UpdateAsync(activity.ReplyToId, result.Card.ToMessage(), ct).ConfigureAwait(false);
                return;
            }
            catch (ConnectorException e)
            {
                Logger.LogWarning(e, "Card {ActivityId} could not be updated; sending a new one", LogText.Clean(activity.ReplyToId, 120));
            }
        }
        await turn.SendAsync(result.Card.ToMessage(), ct).ConfigureAwait(false);
    }

    private async Task<InvokeResponse> OnInvokeAsync(Activity activity, ITurnContext turn, string tenantId, CancellationToken ct)
    {
        await services.Directory.RememberSenderAsync(activity, tenantId, ct).ConfigureAwait(false);
        var action = (activity.Value as JsonObject)?["action"] as JsonObject;
        var verb = action is null ? null : CardData.StringOf(action, "verb");
        if (verb is null) return InvokeResponses.Error(400, "BadRequest", "Yêu cầu không hợp lệ: thiếu verb.",
            "Bad request: the action has no verb.");
        var data = action!["data"] as JsonObject ?? [];
        var result = await OnCardActionAsync(activity, turn, tenantId, verb, new CardData(data), ct).ConfigureAwait(false);
        return InvokeResponses.Of(result);
    }

    private async Task<CardActionResult> OnCardActionAsync(Activity activity, ITurnContext turn, string tenantId, string verb, CardData data,
        CancellationToken ct)
    {
        var cardTenant = data.String("tenantId");
        if (cardTenant is not null && !string.Equals(cardTenant, tenantId, StringComparison.OrdinalIgnoreCase))
        {
            Logger.LogWarning("Refused {Verb}: card of tenant {CardTenant} used in {TenantId} by {UserId}", LogText.Clean(verb, 40),
                LogText.Clean(cardTenant, 80), tenantId, LogText.Clean(activity.From?.Id, 120));
            return CardActionResult.Fail(403, "CrossTenant", "Thẻ này thuộc đơn vị khác.", "This card belongs to another tenant.");
        }
        var userKey = MemberDirectory.UserKey(activity.From);
        if (userKey is null) return CardActionResult.Fail(400, "NoUser", "Không xác định được người dùng.", "The sender is unknown.");
        var member = await services.Store.Members.GetAsync(tenantId, userKey, ct).ConfigureAwait(false);
        var state = new TurnState(activity, turn, tenantId, member, ViewFor(activity, member));
        if (!_actions.TryGetValue(verb, out var handler))
            return CardActionResult.Fail(400, "UnknownVerb", $"Thao tác không được hỗ trợ: {verb}.", $"Unsupported action: {verb}.");
        return await handler(new CardActionContext(state, userKey, verb, data), ct).ConfigureAwait(false);
    }

    private CardView ViewFor(Activity activity, Member? member) => TurnState.ViewOf(activity, member, VietnamTime.Today(services.Time));
}
