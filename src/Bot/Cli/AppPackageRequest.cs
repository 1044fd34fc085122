namespace TeamsPlans.Bot.Cli;

internal sealed record AppPackageRequest(string AppId, string? SourceDirectory = null, string? OutputPath = null, string? Domain = null,
    string? Version = null);
