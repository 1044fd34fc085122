using System.CommandLine;

namespace TeamsPlans.Bot.Cli;

/// <summary>
/// The admin CLI: `dotnet run --project src/Bot -- COMMAND ...`. Each command lives in its own file
/// and is listed in <see cref="Commands"/>.
/// </summary>
internal static class AdminCli
{
    private static IEnumerable<Command> Commands()
    {
        yield return ParseCommand.Create();
        yield return PackageCommand.Create();
        yield return ResendCommand.Create();
        yield return HistoryCommand.Create();
        yield return ExportCommand.Create();
        yield return Features.Units.UnitsCommand.Create();
    }

    public static bool IsCommand(string arg) =>
        arg is "--help" or "-h" or "-?" || Commands().Any(c => c.Name == arg || c.Aliases.Contains(arg));

    public static async Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("TeamsPlans admin CLI / Công cụ quản trị TeamsPlans");
        foreach (var c in Commands()) root.Subcommands.Add(c);
        return await root.Parse(args).InvokeAsync();
    }
}
