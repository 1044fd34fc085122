namespace TeamsPlans.Bot.Cli;

public sealed record AppPackageResult(string OutputPath, string AppId, string? Domain, string Version, IReadOnlyList<string> Entries);
