namespace TeamsPlans.Bot.Security;

/// <summary>The request body went over <see cref="SecurityOptions.MaxActivityBytes"/>.</summary>
internal sealed class BodyTooLargeException(long limit) : IOException($"The request body is larger than {limit} bytes.")
{
    public long Limit { get; } = limit;
}
