using System.Security.Cryptography;
using System.Text;
using TeamsPlans.Storage;

namespace TeamsPlans.GraphSync;

/// <summary>What is kept per task in ISyncStateStore: what we last sent, the remote state last seen, the details etag.</summary>
/// <remarks>SentChecklist: how many checklist items we last wrote (their ids are deterministic), so an update of the details
/// needs no read first; null when unknown (adopted task, older snapshot) — then the details are read.</remarks>
public sealed record TaskSnapshot(string Key, string? AssignmentId, TaskFieldsSnapshot Sent, string SentDetailsHash, TaskFieldsSnapshot Remote,
    string? DetailsETag, int? SentChecklist = null);
