using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using TeamsPlans.Bot.Tests.Conversation;
using TeamsPlans.Storage;
using static TeamsPlans.Bot.Tests.Conversation.BotHarness;

namespace TeamsPlans.Bot.Tests.Fidelity;

/// <summary>
/// Teams refuses a bot message over its limit with 413 MessageSizeTooBig, counting the whole activity in UTF-16 (msteams-docs,
/// "Status code responses"). The fake connector of the harness enforces the older documented 40 KB; the bot must fit its cards
/// well under it, and never answer /api/messages with a 500 when Teams refuses a reply.
/// </summary>
public sealed class MessageSizeTests
{
    /// <summary>60 staff members with GUID object ids and Vietnamese job titles, as a school's directory holds them.</summary>
    internal static async Task AddStaffAsync(BotHarness h, int count = 60)
    {
        for (var i = 0; i < count; i++)
        {
            var aad = new Guid(i + 1, 0x4b80, 0x40eb, 0x9b, 0xf0, 0x63, 0x14, 0x49, 0x1b, 0xc7, (byte)i).ToString();
            await h.Store.Members.UpsertAsync(new Member(Tenant, aad, "Nguyễn Thị Giáo Viên " + i.ToString(CultureInfo.InvariantCulture),
                $"gv{i}@bk.edu.vn", "Giáo viên bộ môn Ngữ văn – Tổ trưởng chuyên môn Tổ Ngữ văn – Sử – Địa", "Tổ Ngữ văn – Sử – Địa", MemberRoles.Member, "vi-VN"));
        }
    }

    [Theory]
    [InlineData("001")]
    [InlineData("002")]
    [InlineData("000")]
    [InlineData("004")]
    public async Task The_import_preview_of_a_school_with_60_staff_fits_under_the_Teams_limit_counted_in_UTF16(string seed)
    {
        await using var h = await StartAsync();
        if (seed != "001") File.Copy(SeedPath(seed), Path.Combine(h.LibraryDir, "2023", Path.GetFileName(SeedPath(seed))));
        await h.InstallAsync(Hung);
        await AddStaffAsync(h);
        var r = await h.SayAsync(Hung, "nhập kế hoạch " + seed);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Equal(0, h.Connector.TooLarge);
        var preview = h.Connector.CardsIn(Hung.Conversation).Last();
        // The preview still offers publishing and at least one assignee picker with members to choose from.
        Assert.Contains(Scenario.Objects(preview), o => o["verb"]?.GetValue<string>() == "publish");
        Assert.Contains(Scenario.Objects(preview), o => o["type"]?.GetValue<string>() == "Input.ChoiceSet" && o["choices"] is JsonArray { Count: > 0 });
        var sent = h.Connector.Posts.Last(p => p.ConversationId == Hung.Conversation);
        Assert.InRange(sent.Utf16Bytes, 1, 32 * 1024);
    }

    [Fact]
    public async Task A_reply_Teams_refuses_with_413_becomes_a_compact_card_and_the_endpoint_answers_200()
    {
        await using var h = await StartAsync();
        await h.InstallAsync(Hung);
        // A tenant whose limit is far below the bot's budget: whatever the bot sends with the preview is refused.
        h.Connector.MaxActivityBytes = 6 * 1024;
        var r = await h.SayAsync(Hung, "nhập kế hoạch 001");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.True(h.Connector.TooLarge >= 1);
        var compact = h.Connector.CardsIn(Hung.Conversation).Last();
        var text = Scenario.Json(compact);
        Assert.Contains("quá dài", text, StringComparison.Ordinal);
        Assert.Contains("too long", text, StringComparison.Ordinal);
        Assert.Contains("Hoạt động đối ngoại và hội nhập quốc tế năm 2023", text, StringComparison.Ordinal); // the plan it is about (seed 001 title)
    }
}
