using TeamsPlans.Bot.Features.Assignments;

namespace TeamsPlans.Bot.Features.Status;

/// <summary>
/// "tình hình [kế hoạch 82/KH-THPT BK]", "ai chưa xác nhận", "hạn sắp tới": the status card for principals; other
/// members get their own tasks.
/// </summary>
internal sealed class StatusCommand(StatusBoard board, MyTasksCommand myTasks)
{
    public Task<AdaptiveCard> HandleAsync(TurnState state, TextCommand command, CancellationToken ct) => state.CanManage
        ? board.CardAsync(state.TenantId, command.Kind == CommandKind.Status ? command.Argument : null, state.View, ct)
        : myTasks.CardAsync(state.TenantId, state.Member, state.View, ct);
}
