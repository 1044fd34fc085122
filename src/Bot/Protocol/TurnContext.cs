namespace TeamsPlans.Bot.Protocol;

/// <summary>The turn of one inbound activity: answers go to the same conversation through <see cref="IConnectorClient"/>.</summary>
internal sealed class TurnContext : ITurnContext
{
    private readonly List<(Activity, ResourceResponse)> _sent = [];

    public TurnContext(Activity activity, IConnectorClient connector)
    {
        Activity = activity;
        Connector = connector;
        ServiceUrl = activity.ServiceUrl
            ?? throw new ArgumentException("The activity has no serviceUrl. / Hoạt động thiếu serviceUrl.", nameof(activity));
        ConversationId = activity.Conversation?.Id
            ?? throw new ArgumentException("The activity has no conversation id. / Hoạt động thiếu mã cuộc hội thoại.", nameof(activity));
    }

    public Activity Activity { get; }
    public string ServiceUrl { get; }
    public string ConversationId { get; }
    public string? TenantId => Activity.TenantId;
    public IConnectorClient Connector { get; }
    public IReadOnlyList<(Activity Activity, ResourceResponse Response)> Sent
    {
        get { lock (_sent) return _sent.ToList(); }
    }

    public async Task<ResourceResponse> SendAsync(Activity activity, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ApplyConversation(activity);
        activity.ReplyToId ??= Activity.Id;
        var response = string.IsNullOrEmpty(activity.ReplyToId)
            ? await Connector.SendToConversationAsync(ServiceUrl, ConversationId, activity, ct).ConfigureAwait(false)
            : await Connector.ReplyToActivityAsync(ServiceUrl, ConversationId, activity.ReplyToId, activity, ct).ConfigureAwait(false);
        lock (_sent) _sent.Add((activity, response));
        return response;
    }

    public Task<ResourceResponse> SendTextAsync(string text, CancellationToken ct = default)
        => SendAsync(Activity.CreateMessage(text), ct);

    public Task<ResourceResponse> UpdateAsync(string activityId, Activity activity, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(activityId);
        ArgumentNullException.ThrowIfNull(activity);
        ApplyConversation(activity);
        activity.Id = activityId;
        return Connector.UpdateActivityAsync(ServiceUrl, ConversationId, activityId, activity, ct);
    }

    public Task DeleteAsync(string activityId, CancellationToken ct = default)
        => Connector.DeleteActivityAsync(ServiceUrl, ConversationId, activityId, ct);

    private void ApplyConversation(Activity activity)
    {
        var reply = Activity.CreateReply();
        activity.Type ??= ActivityTypes.Message;
        activity.From ??= reply.From;
        activity.Recipient ??= reply.Recipient;
        activity.Conversation ??= reply.Conversation;
        activity.ChannelId ??= Activity.ChannelId;
        activity.ServiceUrl ??= ServiceUrl;
        activity.Locale ??= Activity.Locale;
    }
}
