using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;

namespace TeamsPlans.Bot.Tests.Cli;

/// <summary>
/// `dotnet run --project src/Bot -- parse FILE [--format json|text]`, run as a real process (the built TeamsPlans.Bot.dll
/// with its Program entry point), on the seeds and on bad input.
/// </summary>
public class ParseCliTests
{
    private static string SeedPath(string prefix)
    {
        var dir = TeamsPlans.Testing.SeedFiles.Directory;
        return Directory.GetFiles(dir, prefix + "_*.txt").Single();
    }

    private static async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "TeamsPlans.Bot.dll");
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8, StandardErrorEncoding = Encoding.UTF8,
        };
        psi.ArgumentList.Add(dll);
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await p.WaitForExitAsync(cts.Token);
        return (p.ExitCode, await stdout, await stderr);
    }

    [Fact]
    public async Task Json_output_has_the_documented_camelCase_fields()
    {
        var (code, stdout, stderr) = await RunAsync("parse", SeedPath("001"), "--format", "json");
        Assert.True(code == 0, stderr);
        var plan = JsonNode.Parse(stdout)!.AsObject();
        foreach (var field in new[] { "number", "issuer", "parentIssuer", "place", "issuedOn", "year", "title", "legalBases", "sections", "assignments", "deadlines", "recipients", "signer", "warnings" })
            Assert.True(plan.ContainsKey(field), $"missing {field}");
        Assert.Equal("82/KH-THPT BK", (string?)plan["number"]);
        Assert.Equal("2023-04-03", (string?)plan["issuedOn"]);
        Assert.Equal(2023, (int?)plan["year"]);
        var basis = plan["legalBases"]!.AsArray()[1]!;
        Assert.Equal(("Kế hoạch", "1334/KH-SGDĐT", "2023-03-27"), ((string?)basis["kind"], (string?)basis["number"], (string?)basis["issuedOn"]));
        var cuc = plan["assignments"]!.AsArray()[2]!;
        Assert.Equal("Hồ Thị Thu Cúc", (string?)cuc["assignee"]!["name"]);
        Assert.Equal(["2023-05-20", "2023-11-01"], cuc["deadlines"]!.AsArray().Select(d => (string?)d!["due"]));
        Assert.Null(cuc["deadlines"]!.AsArray()[0]!["recurrence"]);
        Assert.Equal("Ngô Tân Hưng", (string?)plan["signer"]!["name"]);
    }

    [Fact]
    public async Task Json_recurrence_and_due_forms_of_a_district_plan()
    {
        var (code, stdout, stderr) = await RunAsync("parse", SeedPath("004"), "--format", "json");
        Assert.True(code == 0, stderr);
        var deadlines = JsonNode.Parse(stdout)!["deadlines"]!.AsArray();
        Assert.Equal([("2019-Q1", null), ("--06-05", "semiannual"), ("--11-05", "yearly")],
            deadlines.Select(d => ((string?)d!["due"], (string?)d["recurrence"])));
    }

    [Fact]
    public async Task Text_output_is_a_vietnamese_summary()
    {
        var (code, stdout, _) = await RunAsync("parse", SeedPath("003"), "--format", "text");
        Assert.Equal(0, code);
        Assert.Contains("Người ký: KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC / Đỗ Thị Hòa", stdout);
        Assert.Contains("Nơi nhận:", stdout);
    }

    [Fact]
    public async Task Bad_input_names_the_file_and_the_reason_in_both_languages()
    {
        var dir = Directory.CreateTempSubdirectory("teamsplans-cli-").FullName;
        try
        {
            var empty = Path.Combine(dir, "rong.txt");
            await File.WriteAllTextAsync(empty, "");
            var (code, stdout, stderr) = await RunAsync("parse", empty);
            Assert.Equal(1, code);
            Assert.Equal("", stdout.Trim());
            Assert.Contains("rong.txt", stderr);
            Assert.Contains("tệp rỗng", stderr);
            Assert.Contains("the file is empty", stderr);

            var fake = Path.Combine(dir, "kehoach.docx");
            await File.WriteAllTextAsync(fake, "not a zip");
            (code, _, stderr) = await RunAsync("parse", fake, "--format", "text");
            Assert.Equal(1, code);
            Assert.Contains("kehoach.docx", stderr);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
