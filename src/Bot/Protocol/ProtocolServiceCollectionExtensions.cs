using Microsoft.Extensions.DependencyInjection.Extensions;
using TeamsPlans.Bot.Protocol.Auth;

namespace TeamsPlans.Bot.Protocol;

internal static class ProtocolServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Bot Framework protocol: <see cref="BotOptions"/> (section "Bot"), <see cref="ConnectorClientOptions"/>
    /// (section "Bot:Connector"), <see cref="IBotTokenProvider"/>, <see cref="IConnectorClient"/>, <see cref="BotAuthenticator"/>
    /// and the TimeProvider (System unless one is registered).
    /// </summary>
    public static IServiceCollection AddBotProtocol(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<BotOptions>(configuration.GetSection(BotOptions.SectionName));
        services.Configure<ConnectorClientOptions>(configuration.GetSection(BotOptions.SectionName + ":Connector"));
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(HttpConnectorClient.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(30));
        services.AddHttpClient(BotAuthenticator.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(15));
        services.TryAddSingleton<IBotTokenProvider, MsalBotTokenProvider>();
        services.TryAddSingleton<IConnectorClient, HttpConnectorClient>();
        services.TryAddSingleton<CallerPolicy>();
        services.TryAddSingleton<ServiceUrlPolicy>();
        services.TryAddSingleton<BotAuthenticator>();
        return services;
    }
}
