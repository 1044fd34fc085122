namespace TeamsPlans.Plans.Model;

/// <summary>
/// The state of one member's assignment. Version increases on every change; an action that changes nothing
/// (a second click) leaves it as it is, so replays are idempotent.
/// </summary>
public sealed record AssignmentState(AssignmentStatus Status, int PercentComplete, int Version, DateTimeOffset? AcknowledgedAt,
    DateTimeOffset? CompletedAt, string? LastComment)
{
    public static AssignmentState New => new(AssignmentStatus.Assigned, 0, 1, null, null, null);

    public bool IsOverdue(DateOnly lastDay, DateOnly today) => Status != AssignmentStatus.Done && today > lastDay;

    /// <summary>Applies an action; percent is used with <see cref="AssignmentAction.Progress"/> (0, 50 or 100).</summary>
    public AssignmentState Apply(AssignmentAction action, DateTimeOffset now, int? percent = null, string? comment = null)
    {
        switch (action)
        {
            case AssignmentAction.Acknowledge:
                if (Status != AssignmentStatus.Assigned) return this;
                return this with { Status = AssignmentStatus.Acknowledged, AcknowledgedAt = now, Version = Version + 1 };
            case AssignmentAction.Progress:
                var p = percent ?? throw new ArgumentException("Progress needs a percentage.", nameof(percent));
                if (p is not (0 or 50 or 100)) throw new ArgumentOutOfRangeException(nameof(percent), p,
                    "Progress is 0, 50 or 100 (Planner's steps).");
                if (p == 100) return Apply(AssignmentAction.Done, now, null, comment);
                var status = p == 0 ? AssignmentStatus.Acknowledged : AssignmentStatus.InProgress;
                if (Status == status && PercentComplete == p && (comment is null || comment == LastComment)) return this;
                return this with
                {
                    Status = status, PercentComplete = p, AcknowledgedAt = AcknowledgedAt ?? now, CompletedAt = null,
                    LastComment = comment ?? LastComment, Version = Version + 1
                };
            case AssignmentAction.Done:
                if (Status == AssignmentStatus.Done && (comment is null || comment == LastComment)) return this;
                return this with
                {
                    Status = AssignmentStatus.Done, PercentComplete = 100, AcknowledgedAt = AcknowledgedAt ?? now,
                    CompletedAt = CompletedAt ?? now, LastComment = comment ?? LastComment, Version = Version + 1
                };
            default:
                throw new ArgumentOutOfRangeException(nameof(action));
        }
    }
}
