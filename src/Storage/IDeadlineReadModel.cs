namespace TeamsPlans.Storage;

/// <summary>
/// The read model of "hạn sắp tới" (obtain it with <see cref="DeadlineReadModels.Of"/>): the open assignments of the
/// published plans ordered by their next deadline on or after a day, in a fixed number of queries and without reading
/// plan documents (table assignment_deadlines, migration 0012).
/// </summary>
public interface IDeadlineReadModel
{
    /// <summary>
    /// The first <paramref name="take"/> open assignments of the tenant's published plans (only <paramref name="memberAadObjectId"/>'s
    /// when given) by next deadline on or after <paramref name="today"/>, then plan id and ordinal; and how many have one.
    /// </summary>
    Task<DeadlinePage> NextDeadlinesAsync(string tenantId, string? memberAadObjectId, DateOnly today, int take, CancellationToken ct = default);
}
