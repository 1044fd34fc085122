namespace TeamsPlans.Bot.Cli;

internal sealed class AppPackageException(int exitCode, string vietnamese, string english) : Exception($"{english} / {vietnamese}")
{
    public int ExitCode { get; } = exitCode;
    public string Vietnamese { get; } = vietnamese;
    public string English { get; } = english;
}
