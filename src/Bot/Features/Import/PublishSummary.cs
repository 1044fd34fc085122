namespace TeamsPlans.Bot.Features.Import;

/// <summary>The line under the preview after "Gửi".</summary>
public static class PublishSummary
{
    /// <summary>"Đã gửi 2 thẻ nhiệm vụ, 3 thẻ đang được gửi, 1 chưa xác định người nhận." (only the parts that apply).</summary>
    public static string Of(PublishResult r, bool vi)
    {
        var parts = new List<string>();
        if (r.Sent > 0 || (r.Queued == 0 && r.AlreadySent == 0)) parts.Add(vi ? $"Đã gửi {r.Sent} thẻ nhiệm vụ" : $"Sent {r.Sent} assignment cards");
        if (r.Queued > 0) parts.Add(vi ? $"{r.Queued} thẻ nhiệm vụ đang được gửi" : $"{r.Queued} assignment cards being delivered");
        if (r.AlreadySent > 0) parts.Add(vi ? $"{r.AlreadySent} thẻ đã gửi trước đó" : $"{r.AlreadySent} sent before");
        if (r.Unresolved > 0) parts.Add(vi ? $"{r.Unresolved} chưa xác định người nhận" : $"{r.Unresolved} without assignee");
        if (r.Failed > 0) parts.Add(vi ? $"{r.Failed} lỗi" : $"{r.Failed} failed");
        var text = string.Join(", ", parts) + ".";
        return char.ToUpperInvariant(text[0]) + text[1..];
    }
}
