namespace TeamsPlans.Bot.Security;

public static class SecurityServiceCollectionExtensions
{
    /// <summary>Registers <see cref="SecurityOptions"/> (section "Security") and the security services of the host.</summary>
    public static IServiceCollection AddTeamsPlansSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.Configure<SecurityOptions>(configuration.GetSection(SecurityOptions.SectionName));
        return services;
    }
}
