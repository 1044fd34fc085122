using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using TeamsPlans.Bot.Cards;
using TeamsPlans.Bot.Tests.Conversation;
using static TeamsPlans.Bot.Tests.Conversation.BotHarness;
using static TeamsPlans.Bot.Tests.Conversation.Scenario;

namespace TeamsPlans.Bot.Tests.Fidelity;

/// <summary>
/// Issue 19: Teams refuses a message over its limit (413 MessageSizeTooBig, counted on the activity in UTF-16), so the import
/// preview of a long plan pages its assignee pickers instead of dropping them: seed 001 with its organization part made of
/// 25 duties, 15 of them for teachers not in the directory, in a school of 60 staff with GUID object ids.
/// </summary>
public sealed class PreviewPagingTests
{
    private static readonly string[] NotInDirectory =
    [
        "Cô Đặng Thị Hoa", "Thầy Lý Văn Bình", "Cô Phan Thị Huệ", "Thầy Vũ Đức Minh", "Cô Trịnh Thị Yến", "Thầy Đỗ Quang Hải", "Cô Lương Thị Nga",
        "Thầy Mai Xuân Trường", "Cô Tạ Thị Hồng", "Thầy Hà Văn Sơn", "Cô Kiều Thị Loan", "Thầy Quách Văn Tâm", "Cô Đinh Thị Thảo", "Thầy Cao Văn Phúc",
        "Cô Lã Thị Dung",
    ];

    /// <summary>Seed 001 whose three organization lines become 25: ten for the principal, then one for each teacher above.</summary>
    private static string WithTwentyFiveDuties(string seed)
    {
        var start = seed.IndexOf("- Thầy Ngô Tấn Hưng - Hiệu trưởng:", StringComparison.Ordinal);
        var end = seed.IndexOf('\n', seed.IndexOf("- Cô Hồ Thị Thu Cúc - Phó hiệu trưởng:", StringComparison.Ordinal));
        Assert.True(start > 0 && end > start);
        var lines = Enumerable.Range(1, 25).Select(i => i <= 10
            ? string.Create(CultureInfo.InvariantCulture,
                $"- Thầy Ngô Tấn Hưng - Hiệu trưởng: chỉ đạo triển khai nội dung số {i} của kế hoạch đến các tổ chuyên môn, báo cáo trước ngày {i + 5}/5/2023.")
            : string.Create(CultureInfo.InvariantCulture,
                $"- {NotInDirectory[i - 11]} - giáo viên: tổ chức hoạt động ngoại khóa tiếng Anh số {i} cho học sinh khối 10, 11, 12, báo cáo kết quả trước ngày {i - 5}/6/2023."));
        return seed[..start] + string.Join("\n\n", lines) + seed[end..];
    }

    [Fact]
    public async Task The_preview_of_25_duties_pages_its_15_pickers_with_Trang_sau_each_page_fits_and_every_picker_appears_once()
    {
        await using var h = await StartAsync();
        await File.WriteAllTextAsync(Path.Combine(h.LibraryDir, "2023", "25-nhiem-vu.txt"), WithTwentyFiveDuties(await File.ReadAllTextAsync(SeedPath("001"))));
        await h.InstallAsync(Hung);
        await MessageSizeTests.AddStaffAsync(h);
        await h.SayAsync(Hung, "nhập kế hoạch 25-nhiem-vu");
        Assert.Equal(0, h.Connector.TooLarge);
        Assert.InRange(h.Connector.Posts.Last(p => p.ConversationId == Hung.Conversation).Utf16Bytes, 1, 32 * 1024);
        var card = h.Connector.CardsIn(Hung.Conversation).Last();
        var planId = ActionData(card, "publish")["planId"]!.GetValue<string>();
        var assignments = await h.Store.Assignments.ListByPlanAsync(Tenant, planId);
        Assert.Equal(25, assignments.Count);
        var open = assignments.Where(a => a.MemberAadObjectId is null).Select(a => CardVerbs.MapInputPrefix + a.AssignmentId).ToList();
        Assert.Equal(15, open.Count);

        var seen = new List<string>();
        var pages = 0;
        string? chosen = null;
        var staff = "00000001-4b80-40eb-9bf0-6314491bc700"; // the first of MessageSizeTests.AddStaffAsync's members
        while (true)
        {
            pages++;
            // The assignee pickers (the report regimes' frequency choices are inputs of another kind).
            var pickers = Objects(card).Where(o => o["type"]?.GetValue<string>() == "Input.ChoiceSet"
                && o["id"]?.GetValue<string>().StartsWith(CardVerbs.MapInputPrefix, StringComparison.Ordinal) == true).ToList();
            Assert.All(pickers, p => Assert.True(p["choices"] is JsonArray { Count: > 0 }));
            seen.AddRange(pickers.Select(p => p["id"]!.GetValue<string>()));
            var next = Objects(card).FirstOrDefault(o => o["verb"]?.GetValue<string>() == CardVerbs.Map && o["data"]?["pickerFrom"] is not null);
            if (next is null || seen.Count >= open.Count) break;
            Assert.True(pickers.Count >= 2, $"page {pages} holds {pickers.Count} picker(s)");
            Assert.StartsWith("Lưu và trang sau", next["title"]!.GetValue<string>(), StringComparison.Ordinal);
            var data = next["data"]!.AsObject().DeepClone().AsObject();
            // The page's choice is saved by the same click.
            if (pages == 2) data[chosen = pickers[0]["id"]!.GetValue<string>()] = staff;
            var (status, body) = await h.InvokeAsync(Hung, CardVerbs.Map, data);
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal(200, body["statusCode"]!.GetValue<int>());
            Assert.InRange(Encoding.Unicode.GetByteCount(Json(body)), 1, 32 * 1024);
            card = body["value"]!.AsObject();
            Assert.True(pages < 15, "paging does not end");
        }
        Assert.True(pages > 1);
        Assert.Equal(open.Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));
        Assert.NotNull(chosen);
        Assert.Equal(staff, (await h.Store.Assignments.GetAsync(Tenant, chosen![CardVerbs.MapInputPrefix.Length..]))!.MemberAadObjectId);
    }
}
