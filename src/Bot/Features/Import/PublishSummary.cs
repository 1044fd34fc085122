namespace TeamsPlans.Bot.Features.Import;

/// <summary>The line under the preview after "Gửi".</summary>
internal static class PublishSummary
{
    /// <summary>"Đã gửi 2 thẻ nhiệm vụ, 3 thẻ đang được gửi, 1 chưa xác định người nhận." (only the parts that apply).</summary>
    public static string Of(PublishResult r, bool vi)
    {
        var texts = ImportTexts.For(vi);
        var parts = new List<string>();
        if (r.Sent > 0 || (r.Queued == 0 && r.AlreadySent == 0)) parts.Add(texts.Sent(r.Sent));
        if (r.Queued > 0) parts.Add(texts.Queued(r.Queued));
        if (r.AlreadySent > 0) parts.Add(texts.SentBefore(r.AlreadySent));
        if (r.Unresolved > 0) parts.Add(texts.Unresolved(r.Unresolved));
        if (r.Failed > 0) parts.Add(texts.Failed(r.Failed));
        var text = string.Join(", ", parts) + ".";
        return char.ToUpperInvariant(text[0]) + text[1..];
    }
}
