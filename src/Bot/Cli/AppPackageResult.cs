namespace TeamsPlans.Bot.Cli;

internal sealed record AppPackageResult(string OutputPath, string AppId, string? Domain, string Version, IReadOnlyList<string> Entries);
