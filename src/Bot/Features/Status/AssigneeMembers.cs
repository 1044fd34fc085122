namespace TeamsPlans.Bot.Features.Status;

/// <summary>The members assignments are given to, read once for a whole card (status board, deadlines, not acknowledged).</summary>
internal static class AssigneeMembers
{
    /// <returns>The members of <paramref name="tenantId"/> who own one of <paramref name="assignments"/>, by Entra object id;
    /// one read of the status read model whatever the number of assignments.</returns>
    public static async Task<Dictionary<string, Member>> ByIdAsync(
        IStatusReadModel reads, string tenantId, IEnumerable<AssignmentRecord> assignments, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reads);
        var ids = assignments.Select(a => a.MemberAadObjectId).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        return (await reads.MembersAsync(tenantId, ids, ct).ConfigureAwait(false)).ToDictionary(m => m.AadObjectId);
    }
}
