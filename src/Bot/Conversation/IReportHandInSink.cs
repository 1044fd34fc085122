namespace TeamsPlans.Bot.Conversation;

/// <summary>
/// Told about every report stored by <see cref="ReportHandIn"/> (history, the reviewer's card). A sink that throws is
/// logged; the report stays stored.
/// </summary>
internal interface IReportHandInSink
{
    /// <param name="summary">The summary typed on the card (null for a file).</param>
    /// <param name="fromChat">The report is a file sent in chat (else a summary / link from the card).</param>
    Task OnReportHandedInAsync(StoredPlan plan, AssignmentRecord assignment, ReportSubmission report, string submitterName, string? summary,
        bool fromChat, CancellationToken ct);

    /// <summary>A report handed in from a card (recorded without its link, <see cref="ReportUploads"/>) is now in the library
    /// (<see cref="ReportSubmission.FileUri"/> set). Reports stored at once have their link in <see cref="OnReportHandedInAsync"/>.</summary>
    Task OnReportStoredAsync(StoredPlan plan, AssignmentRecord assignment, ReportSubmission report, CancellationToken ct) => Task.CompletedTask;
}
