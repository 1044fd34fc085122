namespace TeamsPlans.Plans.Scheduling;

/// <summary>
/// The four states offices report tasks in (QĐ 42/2014/QĐ-TTg model; domain notes "How offices count work"):
/// hoàn thành đúng hạn, hoàn thành quá hạn, chưa hoàn thành còn trong hạn, chưa hoàn thành quá hạn.
/// </summary>
public enum OfficialState
{
    /// <summary>Hoàn thành đúng hạn: finished (accepted) on or before the deadline.</summary>
    DoneOnTime,
    /// <summary>Hoàn thành quá hạn: finished (accepted) after the deadline.</summary>
    DoneLate,
    /// <summary>Chưa hoàn thành, còn trong hạn.</summary>
    OpenWithinDeadline,
    /// <summary>Chưa hoàn thành, quá hạn.</summary>
    OpenOverdue,
}
