namespace TeamsPlans.GraphSync;

public interface IDirectory
{
    /// <summary>Resolves an assignee (person name with or without diacritics, job title, department, or group) to users.</summary>
    Task<AssigneeResolution> ResolveAsync(string tenantId, TeamsPlans.Plans.Model.Assignee assignee, CancellationToken ct = default);
}
