namespace TeamsPlans.Bot.Features.FirstRun;

/// <summary>Texts of the first run (start-up console, how to get a role), Vietnamese and English.</summary>
internal sealed class FirstRunTexts
{
    public const string PlaygroundUrl = "http://127.0.0.1:56150";

    public static readonly FirstRunTexts Vi = new()
    {
        PrincipalsFromRoster = (names, file) => $"Hiệu trưởng: {names} (theo {file})",
        CommitteeHeadsFromRoster = (names) => $"trưởng ban: {names}",
        FirstMember = "Hiệu trưởng: người đầu tiên nhắn cho bot (chưa cấu hình Roles:Principals)",
        Library = (folder) => $"thư mục thư viện kế hoạch: {folder}",
        NextStep = $"bước tiếp theo: chạy `bash scripts/playground.sh`, mở {PlaygroundUrl}, gõ trợ giúp",
        HowToGetRole = "Để có quyền: thêm Entra object id hoặc UPN của bạn vào Roles:Principals (hoặc Roles:CommitteeHeads) của bot; "
            + "khi chạy cục bộ, thêm dòng \"# teamsplans-role: principal <aadObjectId> <tên>\" vào .m365agentsplayground.yml.",
    };

    public static readonly FirstRunTexts En = new()
    {
        PrincipalsFromRoster = (names, file) => $"principal: {names} (from {file})",
        CommitteeHeadsFromRoster = (names) => $"committee heads: {names}",
        FirstMember = "principal: the first person who messages the bot (Roles:Principals is not configured)",
        Library = (folder) => $"plan library folder: {folder}",
        NextStep = $"next step: run `bash scripts/playground.sh`, open {PlaygroundUrl}, type trợ giúp",
        HowToGetRole = "To get the role: add your Entra object id or UPN to the bot's Roles:Principals (or Roles:CommitteeHeads); "
            + "running locally, add a line \"# teamsplans-role: principal <aadObjectId> <name>\" to .m365agentsplayground.yml.",
    };

    public static FirstRunTexts For(bool english) => english ? En : Vi;

    public required Func<string, string, string> PrincipalsFromRoster { get; init; }
    public required Func<string, string> CommitteeHeadsFromRoster { get; init; }
    public required string FirstMember { get; init; }
    public required Func<string, string> Library { get; init; }
    public required string NextStep { get; init; }
    public required string HowToGetRole { get; init; }
}
