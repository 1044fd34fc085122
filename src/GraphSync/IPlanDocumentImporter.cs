using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using TeamsPlans.GraphSync.Graph;
using TeamsPlans.GraphSync.Local;
using TeamsPlans.Storage;

namespace TeamsPlans.GraphSync;

/// <summary>Implemented by the bot/importer: a plan document was dropped in the plan library.</summary>
public interface IPlanDocumentImporter
{
    Task ImportAsync(string tenantId, LibraryFile file, Stream content, CancellationToken ct);
}
