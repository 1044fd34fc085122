namespace TeamsPlans.Plans.Units;

/// <summary>
/// How a unit answered one due item of a department plan (a periodic report, its implementing plan), the way offices count
/// tasks (QĐ 42/2014/QĐ-TTg): done on time, done late, not done and overdue (missing), not done and still within the deadline.
/// </summary>
public enum ReportTiming { OnTime, Late, Missing, NotDue }
