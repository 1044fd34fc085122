namespace TeamsPlans.Bot.Downloads;

/// <summary>A download target (URL, host or connected address) the policy refuses; the reason is for logs.</summary>
internal sealed class DownloadRefusedException(string reason) : HttpRequestException(reason)
{
    public string Reason { get; } = reason;
}
