namespace TeamsPlans.Storage;

public interface IMemberStore
{
    /// <summary>Inserts or refreshes a member. An existing member's chosen <see cref="Member.Language"/> is kept (it changes
    /// only through <see cref="SetLanguageAsync"/>), so a refresh racing with the member's choice never undoes it.</summary>
    Task UpsertAsync(Member member, CancellationToken ct = default);
    Task<Member?> GetAsync(string tenantId, string aadObjectId, CancellationToken ct = default);
    Task<IReadOnlyList<Member>> ListAsync(string tenantId, CancellationToken ct = default);
    /// <summary>Stores the card language the member chose ("vi", "en", or null to follow the client); false if no such member.</summary>
    Task<bool> SetLanguageAsync(string tenantId, string aadObjectId, string? language, CancellationToken ct = default);
}
