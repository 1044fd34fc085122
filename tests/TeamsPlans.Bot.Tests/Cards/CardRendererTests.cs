using System.Text;
using System.Text.Json;
using TeamsPlans.Bot.Cards;

namespace TeamsPlans.Bot.Tests.Cards;

/// <summary>Every card kind (vi and en, normal and oversized) parsed and validated by the official adaptivecards library.</summary>
public sealed class CardRendererTests
{
    private static string WriteCards(IEnumerable<KeyValuePair<string, AdaptiveCard>> cards)
    {
        var dir = Directory.CreateTempSubdirectory("cards-").FullName;
        foreach (var (name, card) in cards) File.WriteAllText(Path.Combine(dir, name + ".json"), card.ToJson(), new UTF8Encoding(false));
        return dir;
    }

    private static IEnumerable<KeyValuePair<string, AdaptiveCard>> Every() =>
        CardSamples.All("vi-VN").Select(kv => KeyValuePair.Create("vi-" + kv.Key, kv.Value))
            .Concat(CardSamples.All("en-US").Select(kv => KeyValuePair.Create("en-" + kv.Key, kv.Value)))
            .Concat(CardSamples.FromSeeds("vi-VN").Select(kv => KeyValuePair.Create("vi-" + kv.Key, kv.Value)))
            .Concat(CardSamples.FromSeeds("en-US").Select(kv => KeyValuePair.Create("en-" + kv.Key, kv.Value)))
            .Concat(CardSamples.Huge("vi-VN").Select(kv => KeyValuePair.Create("vi-" + kv.Key, kv.Value)))
            .Concat(CardSamples.Huge("en-US").Select(kv => KeyValuePair.Create("en-" + kv.Key, kv.Value)));

    [Fact]
    public void Every_card_kind_passes_the_official_renderer_with_zero_errors_and_stays_under_40KB()
    {
        var cards = Every().ToList();
        var dir = WriteCards(cards);
        try
        {
            var (report, exit, stderr) = CardCheck.Run(dir);
            var root = report.RootElement;
            Assert.Equal(cards.Count, root.GetProperty("count").GetInt32());
            var problems = root.GetProperty("cards").EnumerateArray()
                .Where(c => c.GetProperty("errors").GetArrayLength() > 0)
                .Select(c => Path.GetFileName(c.GetProperty("file").GetString()) + ": " + string.Join(" | ", c.GetProperty("errors").EnumerateArray().Select(e => e.GetString())))
                .ToList();
            Assert.True(problems.Count == 0, string.Join("\n", problems) + stderr);
            Assert.Equal(0, exit);
            Assert.True(root.GetProperty("ok").GetBoolean());
            foreach (var c in root.GetProperty("cards").EnumerateArray())
                Assert.True(c.GetProperty("bytes").GetInt32() < 40 * 1024, c.GetProperty("file").GetString() + " is too large");
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void The_checker_reports_real_errors()
    {
        // The checker must fail on what Teams would reject: an unknown element, a typo'd property, a choice set without choices.
        var dir = Directory.CreateTempSubdirectory("cards-bad-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "bad.json"),
                """{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlok","text":"x"},{"type":"TextBlock","text":"y","wrapp":true},{"type":"Input.ChoiceSet","id":"c","choices":[]}]}""");
            var (report, exit, _) = CardCheck.Run(dir);
            Assert.Equal(1, exit);
            var errors = report.RootElement.GetProperty("cards")[0].GetProperty("errors").EnumerateArray().Select(e => e.GetString()!).ToList();
            Assert.Contains(errors, e => e.Contains("TextBlok", StringComparison.Ordinal));
            Assert.Contains(errors, e => e.Contains("wrapp", StringComparison.Ordinal));
            Assert.Contains(errors, e => e.Contains("CollectionCantBeEmpty", StringComparison.Ordinal));
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void One_card_of_each_kind_renders_to_png_in_chromium()
    {
        if (!File.Exists("/usr/bin/chromium") && Environment.GetEnvironmentVariable("CHROMIUM") is null)
            throw new InvalidOperationException("Chromium is missing: run `bash scripts/setup.sh`.");
        var pick = new[] { "assignment-progress", "status", "mytasks", "welcome-principal", "help-unknown", "import-preview", "plan-summary" };
        var cards = CardSamples.All("vi-VN").Where(kv => pick.Contains(kv.Key))
            .Concat(CardSamples.FromSeeds("vi-VN").Where(kv => kv.Key is "seed002-import-preview" or "seeds-status" or "seed003-assignment1"))
            .Concat(CardSamples.All("en-US").Where(kv => kv.Key == "assignment-assigned").Select(kv => KeyValuePair.Create("en-" + kv.Key, kv.Value)))
            .ToList();
        var dir = WriteCards(cards);
        var shots = Path.Combine(CardCheck.RepoRoot(), "artifacts", "screenshots");
        try
        {
            var (report, exit, stderr) = CardCheck.Run(dir, shots);
            Assert.True(exit == 0, stderr);
            var files = report.RootElement.GetProperty("screenshots").EnumerateArray().Select(e => e.GetString()!).ToList();
            Assert.Equal(cards.Count, files.Count);
            foreach (var f in files)
            {
                var bytes = File.ReadAllBytes(f);
                Assert.True(bytes.Length > 3000, $"{f} looks empty ({bytes.Length} bytes)");
                Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, bytes[..4]);
            }
        }
        finally { Directory.Delete(dir, true); }
    }
}
