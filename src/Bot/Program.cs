using TeamsPlans.Bot;
using TeamsPlans.Bot.Cli;

// Admin CLI when the first argument names a command (parse, package, ...); otherwise the bot host.
if (args.Length > 0 && AdminCli.IsCommand(args[0]))
{
    return await AdminCli.RunAsync(args);
}

var app = BotHost.Build(args);
await app.RunAsync();
return 0;

/// <summary>Entry point marker for WebApplicationFactory in tests.</summary>
public partial class Program;
