namespace TeamsPlans.Bot.Protocol;

/// <summary>Options of <see cref="HttpConnectorClient"/> (section "Bot:Connector").</summary>
public sealed class ConnectorClientOptions
{
    /// <summary>Retries on 429/412/502/503/504 (0 = none; the delivery pipeline handles throttling itself).</summary>
    public int MaxRetries { get; set; } = 3;
    /// <summary>Base delay of the exponential backoff when no Retry-After is given.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);
    /// <summary>Upper bound on any single wait (including Retry-After).</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(60);
    /// <summary>
    /// Budget of a whole outgoing activity, UTF-16 bytes of its JSON (Teams' count; it answers 413 MessageSizeTooBig over its
    /// limit: 100 KB documented today, 40 KB in older copies). Over it, or on a 413, a compact card is sent instead.
    /// </summary>
    public int MaxActivityBytes { get; set; } = DefaultMaxActivityBytes;
    public const int DefaultMaxActivityBytes = 32 * 1024;
}
