namespace TeamsPlans.Plans.People;

/// <summary>
/// The outcome of <see cref="AssigneeResolver.Resolve{T}"/>: the kind and the people (the person, the unit's members, or
/// the candidates to choose from when ambiguous; empty when unresolved).
/// </summary>
public sealed record AssigneeMatch<T>(AssigneeMatchKind Kind, IReadOnlyList<T> People)
{
    /// <summary>The one person the assignment belongs to, if there is exactly one (a person, or a unit of one member).</summary>
    public T? Sole => Kind is AssigneeMatchKind.Person or AssigneeMatchKind.Unit && People.Count == 1 ? People[0] : default;

    /// <summary>Everybody the assignment belongs to: the person or the unit's members; nobody while ambiguous or unresolved.</summary>
    public IReadOnlyList<T> Assigned => Kind is AssigneeMatchKind.Person or AssigneeMatchKind.Unit ? People : [];
}
