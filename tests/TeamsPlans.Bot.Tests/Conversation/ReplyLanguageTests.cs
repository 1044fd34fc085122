using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using TeamsPlans.Bot.Conversation;
using static TeamsPlans.Bot.Tests.Conversation.BotHarness;
using static TeamsPlans.Bot.Tests.Conversation.Scenario;

namespace TeamsPlans.Bot.Tests.Conversation;

/// <summary>
/// Issue 12: "The English help shows every placeholder; a reply in Vietnamese mode is Vietnamese throughout." Both are read
/// from the bot's own string tables (<see cref="TextTables"/>) and from the replies posted through /api/messages.
/// </summary>
public sealed class ReplyLanguageTests
{
    private static readonly TestUser HungEn = Hung with { Locale = "en-US" };

    [Fact]
    public void The_tables_are_found()
    {
        var names = TextTables.All.Select(t => t.Type.Name).ToList();
        foreach (var expected in new[] { "HelpTexts", "StatusTexts", "CardStrings", "CardTexts", "MyTasksTexts", "LanguageTexts" })
            Assert.Contains(expected, names);
    }

    [Fact]
    public void Every_English_text_shows_the_placeholders_and_arguments_of_its_Vietnamese_text()
    {
        var problems = new List<string>();
        foreach (var table in TextTables.All)
            foreach (var (key, vi) in table.Vi)
            {
                if (!table.En.TryGetValue(key, out var en))
                {
                    problems.Add($"{table.Type.Name}.{key}: no English text");
                    continue;
                }
                var viHoles = TextTables.FormatPlaceholder().Matches(vi).Select(m => m.Value).Order(StringComparer.Ordinal);
                var enHoles = TextTables.FormatPlaceholder().Matches(en).Select(m => m.Value).Order(StringComparer.Ordinal);
                if (!viHoles.SequenceEqual(enHoles)) problems.Add($"{table.Type.Name}.{key}: \"{vi}\" vs \"{en}\"");
                // Vietnamese writes the quarter in Roman numerals ("Quý IV/2023"), English "Q4 2023": both show it.
                if (!TextTables.Markers(vi).SequenceEqual(TextTables.Markers(en)) && key != "Quarter")
                    problems.Add($"{table.Type.Name}.{key}: arguments differ: \"{vi}\" vs \"{en}\"");
            }
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public async Task English_help_has_no_format_hole_and_every_command_it_names_is_understood()
    {
        await using var h = await StartAsync();
        await PublishAsync(h);
        await h.SayAsync(HungEn, "english");
        await h.SayAsync(HungEn, "help");
        var help = Texts(h.Connector.CardsIn(Hung.Conversation).Last()).ToList();
        Assert.Contains("Help", help);
        await h.SayAsync(HungEn, "what is this");
        var unknown = Texts(h.Connector.CardsIn(Hung.Conversation).Last()).ToList();
        Assert.Contains("I did not understand \"what is this\". You can type:", unknown);

        foreach (var line in help.Concat(unknown))
        {
            Assert.DoesNotMatch(@"\{\d*\}|\{\d+[,:][^}]*\}", line);
            Assert.DoesNotContain("⟪", line, StringComparison.Ordinal);
        }
        var commands = help.Where(l => l.StartsWith("• \"", StringComparison.Ordinal))
            .Select(l => Regex.Match(l, "^• \"(?<c>[^\"]+)\"").Groups["c"].Value).ToList();
        Assert.True(commands.Count >= 10, string.Join('\n', help));
        foreach (var command in commands)
        {
            // "<file name>" stands for an argument: the command is understood with one.
            var typed = command.Replace("<file name>", "001", StringComparison.Ordinal);
            Assert.NotEqual(CommandKind.Unknown, TextCommands.Parse(typed).Kind);
        }
        // Every line of the English help says what the command does, as the Vietnamese help does.
        Assert.All(help.Where(l => l.StartsWith('•')), l => Assert.Contains(" — ", l, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Replies_of_the_help_status_and_deadline_paths_in_Vietnamese_mode_have_no_English_word()
    {
        await using var h = await StartAsync();
        await PublishAsync(h);
        var english = EnglishOnlyWords();
        var asked = new List<(TestUser Who, string Text)>
        {
            (Hung, "trợ giúp"), (Hung, "cái gì đây"), (Hung, "tình hình"), (Hung, "trạng thái kế hoạch 82/KH-THPT BK"),
            (Hung, "ai chưa xác nhận?"), (Hung, "hạn sắp tới"), (Hung, "việc của tôi"), (Hung, "ngôn ngữ"),
            (Cuc, "trợ giúp"), (Cuc, "hạn sắp tới"), (Cuc, "việc của tôi"), (Cuc, "tình hình"),
        };
        // An English client that chose Vietnamese gets the same Vietnamese replies.
        var thanhEn = Thanh with { Locale = "en-US" };
        await h.SayAsync(thanhEn, "tiếng việt");
        asked.AddRange([(thanhEn, "help"), (thanhEn, "deadlines"), (thanhEn, "my tasks")]);

        var found = new List<string>();
        foreach (var (who, text) in asked)
        {
            var before = h.Connector.CardsIn(who.Conversation).Count;
            await h.SayAsync(who, text);
            var replies = h.Connector.CardsIn(who.Conversation).Skip(before).ToList();
            Assert.NotEmpty(replies);
            foreach (var line in replies.SelectMany(Texts))
                foreach (Match w in TextTables.AsciiWord().Matches(line))
                    if (english.Contains(w.Value)) found.Add($"{who.Name} \"{text}\": \"{w.Value}\" in \"{line}\"");
        }
        Assert.True(found.Count == 0, string.Join('\n', found));
    }

    /// <summary>Words of four letters or more of the English tables that no Vietnamese table and no plan text uses.</summary>
    private static HashSet<string> EnglishOnlyWords()
    {
        static IEnumerable<string> Words(string s) => TextTables.AsciiWord().Matches(s).Select(m => m.Value);
        var vi = TextTables.All.SelectMany(t => t.Vi.Values).SelectMany(Words);
        var data = Words(File.ReadAllText(SeedPath("001")));
        var shared = new HashSet<string>(vi.Concat(data), StringComparer.OrdinalIgnoreCase)
        {
            // Names, not words: the product, Teams and the markers' argument names.
            "TeamsPlans", "Teams", "arg0", "arg1", "arg2",
        };
        var english = TextTables.All.SelectMany(t => t.En.Values).SelectMany(Words).Where(w => !shared.Contains(w));
        var set = new HashSet<string>(english, StringComparer.OrdinalIgnoreCase);
        Assert.Contains("deadline", set); // the English tables are read
        Assert.Contains("acknowledged", set);
        return set;
    }

    /// <summary>What a card shows: texts, titles, fact values, placeholders and labels (not its action data).</summary>
    private static IEnumerable<string> Texts(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (k, v) in o)
                {
                    if (k is "data" or "verb" or "id" or "url" or "type" or "msteams" or "refresh") continue;
                    if (k is "text" or "title" or "value" or "placeholder" or "label" or "fallbackText" or "altText"
                        && v is JsonValue value && value.TryGetValue<string>(out var s))
                        yield return s;
                    else
                        foreach (var x in Texts(v)) yield return x;
                }
                break;
            case JsonArray a:
                foreach (var x in a) foreach (var y in Texts(x)) yield return y;
                break;
        }
    }
}
