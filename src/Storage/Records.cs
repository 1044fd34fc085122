using TeamsPlans.Plans.Model;

namespace TeamsPlans.Storage;

public enum PlanStatus { Draft, Published, Archived }

/// <summary>An imported plan. <see cref="Document"/> is the parsed plan; DocumentUri points at the library copy.</summary>
public sealed record StoredPlan(
    string TenantId, string PlanId, PlanDocument Document, string? DocumentUri, PlanStatus Status,
    string? HeadAadObjectId, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public string? Number => Document.Number;
    public string Title => Document.Title;
}

[Flags]
public enum MemberRoles { None = 0, Member = 1, CommitteeHead = 2, Principal = 4, Admin = 8 }

/// <summary>A person in a tenant (school / office). AadObjectId is the Entra object id.</summary>
public sealed record Member(
    string TenantId, string AadObjectId, string DisplayName, string? Email, string? JobTitle, string? Department,
    MemberRoles Roles, string? Locale)
{
    /// <summary>The card language the member chose in chat: "vi", "en", or null to follow the Teams client's locale.</summary>
    public string? Language { get; init; }

    /// <summary>The locale cards are written in: the chosen language when there is one, else the client's locale.</summary>
    public string? PreferredLocale => Language switch { "vi" => "vi-VN", "en" => "en-US", _ => Locale };

    public bool CanSeeOthers => (Roles & (MemberRoles.Principal | MemberRoles.CommitteeHead | MemberRoles.Admin)) != 0;
}

/// <summary>What is needed to message a user proactively (Bot Connector v3).</summary>
public sealed record ConversationRef(
    string TenantId, string AadObjectId, string UserId, string ConversationId, string ServiceUrl, string BotId,
    string ChannelId, DateTimeOffset UpdatedAt, bool Blocked = false, string? BlockedReason = null);

/// <summary>One duty given to one assignee. MemberAadObjectId is null until the assignee is resolved to a person.</summary>
public sealed record AssignmentRecord(
    string TenantId, string AssignmentId, string PlanId, int Ordinal, Assignee Assignee, string Duty,
    IReadOnlyList<Deadline> Deadlines, string? MemberAadObjectId, AssignmentState State, DateTimeOffset UpdatedAt)
{
    /// <summary>Where the member's card was posted, for updates (activity id / conversation id).</summary>
    public string? CardActivityId { get; init; }
    public string? CardConversationId { get; init; }
}

public sealed record ReportSubmission(
    string TenantId, string ReportId, string AssignmentId, string Period, string FileName, string? FileUri,
    string SubmittedBy, DateTimeOffset SubmittedAt);

public enum WorkState { Queued, InFlight, Done, Failed, Blocked }

/// <summary>
/// A durable unit of work in a named queue ("delivery" for proactive sends, "outbox" for Graph writes).
/// IdempotencyKey is unique per (tenant, queue): enqueuing the same key twice keeps the first.
/// </summary>
public sealed record WorkItem(
    long Id, string TenantId, string Queue, string Kind, string IdempotencyKey, string PayloadJson, WorkState State,
    int Attempts, DateTimeOffset NotBefore, string? LeaseOwner, DateTimeOffset? LeaseUntil, string? LastError,
    string? ResultJson, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>A mapping kept by a sync engine: local key → remote id + etag (e.g. assignment → Planner task).</summary>
public sealed record SyncEntry(string TenantId, string Scope, string Key, string RemoteId, string? ETag, string? DataJson, DateTimeOffset UpdatedAt);
