using System.CommandLine;
using System.Text;
using TeamsPlans.Plans.Formatting;
using TeamsPlans.Plans.Json;
using TeamsPlans.Plans.Reading;

namespace TeamsPlans.Bot.Cli;

/// <summary>
/// `parse FILE [--format json|text]`: reads a plan document (.txt, .md, .docx, .pdf) with <see cref="PlanReader"/> and
/// prints it as JSON (docs/plan-json.md) or as a Vietnamese summary. Exit code 0 = read; 1 = bad input (the Vietnamese /
/// English reason on stderr).
/// </summary>
internal static class ParseCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "Plan document (.txt, .md, .docx, .pdf), " +
            "relative to the directory you typed the command in" };
        var format = new Option<string>("--format") { Description = "json | text", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "text");
        var cmd = new Command("parse", "Read a plan document and print its structure / Đọc kế hoạch và in cấu trúc") { file, format };
        cmd.SetAction(async (pr, ct) =>
        {
            var f = pr.GetValue(file)!;
            var fmt = pr.GetValue(format) ?? "json";
            return await RunAsync(CliPaths.Resolve(f)!, fmt, Console.Out, Console.Error, ct);
        });
        return cmd;
    }

    /// <summary>The command's work, with its writers, for tests.</summary>
    public static async Task<int> RunAsync(string path, string format, TextWriter stdout, TextWriter stderr, CancellationToken ct = default)
    {
        try { Console.OutputEncoding = Encoding.UTF8; } catch (IOException) { /* redirected or no console */ }
        try
        {
            var plan = await new PlanReader().ReadFileAsync(path, ct);
            await stdout.WriteLineAsync(format == "text" ? PlanTextFormatter.Format(plan) : PlanJson.Serialize(plan));
            return 0;
        }
        catch (PlanReadException ex)
        {
            await stderr.WriteLineAsync(ex.Message);
            return 1;
        }
    }
}
