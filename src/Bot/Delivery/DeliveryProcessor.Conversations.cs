using Stopwatch = System.Diagnostics.Stopwatch;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using TeamsPlans.Bot.Protocol;
using TeamsPlans.Plans.Model;
using TeamsPlans.Plans.Scheduling;
using TeamsPlans.Storage;

namespace TeamsPlans.Bot.Delivery;

/// <summary>Sending into a member's conversation, opening it first when there is none.</summary>
internal sealed partial class DeliveryProcessor
{
    private async Task<ResourceResponse> SendAsync(ConversationRef conv, Activity activity, CancellationToken stop)
    {
        // A send in flight is not cancelled by a stopping worker: it finishes (bounded by DrainTimeout) and commits.
        using var cts = new CancellationTokenSource(_options.SendTimeout, _time);
        var drain = _options.DrainTimeout;
        using var reg = stop.Register(() =>
        {
            try { cts.CancelAfter(drain); } catch (ObjectDisposedException) { }
        });
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await _connector.SendToConversationAsync(conv.ServiceUrl, conv.ConversationId, activity, cts.Token).ConfigureAwait(false);
        }
        finally
        {
            _metrics.Latency.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    private async Task<ConversationRef> OpenConversationAsync(string tenant, string aadObjectId, CancellationToken stop)
    {
        if (_options.InstallForUsers)
        {
            if (string.IsNullOrWhiteSpace(_options.TeamsAppCatalogId))
                throw new InvalidOperationException("Cần cấu hình Delivery:TeamsAppCatalogId khi bật InstallForUsers. / " +
                    "Delivery:InstallForUsers needs Delivery:TeamsAppCatalogId.");
            await _installer.InstallForUserAsync(tenant, aadObjectId, _options.TeamsAppCatalogId!, stop).ConfigureAwait(false);
        }
        var serviceUrl = await TenantServiceUrlAsync(tenant, stop).ConfigureAwait(false);
        await _limiter.AcquireAsync(tenant, null, stop).ConfigureAwait(false);
        var parameters = new ConversationParameters
        {
            IsGroup = false,
            Bot = new ChannelAccount { Id = _botId, Name = _options.BotName },
            Members = [new ChannelAccount { Id = aadObjectId, AadObjectId = aadObjectId }],
            TenantId = tenant,
            ChannelData = new JsonObject { ["tenant"] = new JsonObject { ["id"] = tenant } },
        };
        using var cts = new CancellationTokenSource(_options.SendTimeout, _time);
        // Creating a 1:1 conversation is idempotent in Teams (the same chat comes back), so it may be cancelled freely.
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cts.Token, stop);
        ConversationResourceResponse created;
        try
        {
            created = await _connector.CreateConversationAsync(serviceUrl, parameters, linked.Token).ConfigureAwait(false);
        }
        catch (ConnectorException e) when (MemberNotReachableException.Means(e))
        {
            throw new MemberNotReachableException(e, _options.InstallForUsers);
        }
        if (string.IsNullOrWhiteSpace(created.Id))
            throw new ConnectorException(502, "NoConversationId", "Không tạo được cuộc trò chuyện / CreateConversation returned no id");
        // UserId: the "29:" id is unknown until the member writes to the bot; the Entra id works for sending.
        var conv = new ConversationRef(tenant, aadObjectId, aadObjectId, created.Id!, created.ServiceUrl ?? serviceUrl, _botId, "msteams",
            _time.GetUtcNow());
        await _store.Conversations.UpsertAsync(conv, CancellationToken.None).ConfigureAwait(false);
        _logger.LogInformation("Opened a 1:1 conversation with {AadObjectId} in {TenantId}", aadObjectId, tenant);
        return conv;
    }

    private async Task<string> TenantServiceUrlAsync(string tenant, CancellationToken ct)
    {
        if (_serviceUrls.TryGetValue(tenant, out var url)) return url;
        var known = (await _store.Conversations.ListAsync(tenant, ct).ConfigureAwait(false))
            .Where(c => !string.IsNullOrWhiteSpace(c.ServiceUrl) && _serviceUrlPolicy?.Allows(c.ServiceUrl) != false)
                .OrderByDescending(c => c.UpdatedAt).FirstOrDefault()?.ServiceUrl;
        return _serviceUrls.GetOrAdd(tenant, known ?? _options.ServiceUrl);
    }
}
