using TeamsPlans.Bot.Features.Assignments;

namespace TeamsPlans.Bot.Features.Status;

/// <summary>
/// "tình hình [kế hoạch 82/KH-THPT BK]": the status card for principals, their own tasks for other members;
/// "hạn sắp tới": the next deadlines (all for principals, their own for members); "ai chưa xác nhận": who has not
/// acknowledged, with "Nhắc nhở" (principals; members get their own tasks).
/// </summary>
internal sealed class StatusCommand(StatusBoard board, StatusLists lists, MyTasksCommand myTasks)
{
    public Task<AdaptiveCard> HandleAsync(TurnState state, TextCommand command, CancellationToken ct) => command.Kind switch
    {
        CommandKind.Deadlines => lists.DeadlinesAsync(state.TenantId, state.Member, state.CanManage, state.View, ct),
        _ when !state.CanManage => myTasks.CardAsync(state.TenantId, state.Member, state.View, ct),
        CommandKind.NotAcknowledged => lists.NotAcknowledgedAsync(state.TenantId, state.View, ct),
        _ => board.CardAsync(state.TenantId, command.Kind == CommandKind.Status ? command.Argument : null, state.View, ct),
    };
}
