using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using TeamsPlans.Storage;

namespace TeamsPlans.GraphSync;

public sealed record TaskFieldsSnapshot(string Title, DateTimeOffset? DueAt, int PercentComplete, string[] Assignees, string? Label = null);
