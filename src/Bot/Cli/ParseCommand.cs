using System.CommandLine;

namespace TeamsPlans.Bot.Cli;

/// <summary>`parse FILE [--format json|text]`: prints the plan read from a document. (Implemented with issue 2.)</summary>
public static class ParseCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "Plan document (.txt, .md, .docx, .pdf)" };
        var format = new Option<string>("--format") { Description = "json | text", DefaultValueFactory = _ => "json" };
        var cmd = new Command("parse", "Read a plan document and print its structure / Đọc kế hoạch và in cấu trúc") { file, format };
        cmd.SetAction(pr =>
        {
            Console.Error.WriteLine("parse: not yet implemented");
            return 2;
        });
        return cmd;
    }
}
