namespace TeamsPlans.Bot.Cards;

/// <summary>Verbs carried by Action.Execute (and by the Action.Submit fallback as data.verb).</summary>
internal static class CardVerbs
{
    public const string Ack = "ack";
    public const string Progress = "progress";
    public const string Done = "done";
    public const string Refresh = "refresh";
    public const string OpenPlan = "openPlan";
    public const string Remind = "remind";
    public const string Publish = "publish";
    public const string Map = "map";
    /// <summary>Status card: send the plan's failed assignment cards again.</summary>
    public const string Resend = "resend";
    /// <summary>"Trang sau" on the status card: the next plans (data: planSkip).</summary>
    public const string StatusPage = "statusPage";
    /// <summary>Input ids of the import preview's assignee pickers start with this, followed by the assignment id.</summary>
    public const string MapInputPrefix = "map_";
    public const string PercentInput = "percent";
    public const string CommentInput = "comment";
    /// <summary>Hand in a report (summary, link, period) from the assignment card, or name the target of a file sent in chat.</summary>
    public const string Report = "report";
    /// <summary>Department roll-up card: refresh for a year / plan.</summary>
    public const string Rollup = "rollup";
    public const string ReportPeriodInput = "reportPeriod";
    public const string ReportSummaryInput = "reportSummary";
    public const string ReportLinkInput = "reportLink";
    /// <summary>Choice "assignmentId|periodKey" of the card asking which assignment a file sent in chat answers.</summary>
    public const string ReportTargetInput = "reportTarget";
    /// <summary>Assignment card: show the assignment's history (issue 15).</summary>
    public const string History = "history";
    /// <summary>Review card: accept the report / return it with a reason (issue 15).</summary>
    public const string Accept = "acceptReport";
    public const string Return = "returnReport";
    public const string ReturnReasonInput = "returnReason";
    /// <summary>Assignment card: add a comment to the thread / post the whole thread (issue 15).</summary>
    public const string AddComment = "addComment";
    public const string Comments = "comments";
    public const string ThreadCommentInput = "threadComment";
    /// <summary>Assignment card: hand the assignment over to another member (issue 15).</summary>
    public const string Reassign = "reassign";
    /// <summary>A plan-like document a principal sent in chat: import it as a plan / hand it in as a report (issue 12).</summary>
    public const string FileAsPlan = "fileAsPlan";
    public const string FileAsReport = "fileAsReport";
    /// <summary>Correction card: apply the revised document to the published plan (issue 12).</summary>
    public const string CorrectPlan = "correctPlan";
    public const string ReassignToInput = "reassignTo";
    public const string ReassignNoteInput = "reassignNote";
}
