using TeamsPlans.Bot.Security;
using TeamsPlans.Plans.Reading;
using TeamsPlans.Plans.Units;

namespace TeamsPlans.Bot.Features.Units;

/// <summary>
/// A file sent to the bot in chat that is a unit list: an .xlsx / .csv from a principal or department officer (members who
/// manage) whose header names a code, a name and a kind / parent / head column. It goes through the same importer as the
/// admin CLI (<see cref="UnitDirectoryImporter"/>): good rows stored, the answer lists each bad row with its line and reason.
/// Any other file goes on to <paramref name="next"/> (plan or report, <see cref="Import.ChatFileArrival"/>).
/// </summary>
internal sealed class UnitListArrival(ReportHandIn handIn, UnitDirectoryImporter importer, ILogger<UnitListArrival> logger)
{
    public async Task HandleAsync(TurnState state, ReportFile file, FileHandler next, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(next);
        if (state.Personal && state.CanManage && UnitListReader.IsUnitListFile(file.Name)
            && await UnitRowsAsync(file, state.TenantId, ct).ConfigureAwait(false) is { } rows)
        {
            var result = await importer.ImportRowsAsync(state.TenantId, rows, file.Name, dryRun: false, ct).ConfigureAwait(false);
            logger.LogInformation("Unit list {FileName} from {AadObjectId} in {TenantId}: {Kept} units kept, {Problems} problems",
                LogText.Clean(file.Name, 120), state.Member?.AadObjectId, state.TenantId, result.Units.Count, result.Problems.Count);
            await state.Turn.SendAsync(UnitListCards.Result(file.Name, result, state.View).ToMessage(), ct).ConfigureAwait(false);
            return;
        }
        await next(state, file, ct).ConfigureAwait(false);
    }

    /// <summary>The rows when the file reads as a unit list; null for a report table, a damaged file or a failed download.</summary>
    private async Task<IReadOnlyList<UnitListRow>?> UnitRowsAsync(ReportFile file, string tenantId, CancellationToken ct)
    {
        try
        {
            await using var content = await handIn.DownloadAsync(file, ct).ConfigureAwait(false);
            var rows = UnitListReader.Read(content.ToArray(), file.Name);
            return UnitListImporter.HasHeader(rows) ? rows : null;
        }
        catch (Exception e) when (e is ReportHandInException or PlanReadException or IOException)
        {
            logger.LogInformation("File {FileName} in {TenantId} is not read as a unit list ({Reason})", 
                LogText.Clean(file.Name, 120), tenantId, e.GetType().Name);
            return null;
        }
    }
}
