using System.Security.Cryptography;
using System.Text;

namespace TeamsPlans.GraphSync;

public sealed record TaskFieldsSnapshot(string Title, DateTimeOffset? DueAt, int PercentComplete, string[] Assignees, string? Label = null);
