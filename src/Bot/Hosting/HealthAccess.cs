using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using TeamsPlans.Bot.Security;

namespace TeamsPlans.Bot.Hosting;

/// <summary>
/// GET /healthz, two answers. Anonymous callers (App Service's health check, load balancers) get a bare liveness answer:
/// only the checks tagged "ready" (the state store) run, and the body is <c>{"status":"Healthy|Unhealthy"}</c> with 200/503 —
/// no mode, no check names, no provider, and no outbound Graph / Bot Connector probe an outsider could trigger at will.
/// The detailed answer (every check, <see cref="HealthEndpointExtensions.WriteJsonAsync"/>) is for loopback callers and for
/// requests carrying header <see cref="KeyHeader"/> equal to "Security:HealthKey" (compared in constant time).
/// </summary>
internal static class HealthAccess
{
    public const string KeyHeader = "X-Health-Key";

    public static bool MayReadDetail(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var remote = http.Connection.RemoteIpAddress;
        if (remote is not null && IPAddress.IsLoopback(remote) && !http.Request.Headers.ContainsKey("X-Forwarded-For")) return true;
        var key = http.RequestServices.GetService<IOptions<SecurityOptions>>()?.Value.HealthKey;
        if (string.IsNullOrEmpty(key)) return false;
        var given = http.Request.Headers[KeyHeader].ToString();
        if (given.Length == 0) return false;
        return CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(key)));
    }

    public static async Task HandleAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var health = http.RequestServices.GetRequiredService<HealthCheckService>();
        http.Response.Headers.CacheControl = "no-store, no-cache";
        http.Response.Headers.Pragma = "no-cache";
        var detail = MayReadDetail(http);
        var report = detail
            ? await health.CheckHealthAsync(http.RequestAborted).ConfigureAwait(false)
            : await health.CheckHealthAsync(r => r.Tags.Contains("ready"), http.RequestAborted).ConfigureAwait(false);
        http.Response.StatusCode = report.Status == HealthStatus.Unhealthy ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK;
        if (detail)
        {
            await HealthEndpointExtensions.WriteJsonAsync(http, report).ConfigureAwait(false);
            return;
        }
        http.Response.ContentType = "application/json; charset=utf-8";
        await http.Response.WriteAsync(report.Status == HealthStatus.Unhealthy ? """{"status":"Unhealthy"}""" : """{"status":"Healthy"}""",
            http.RequestAborted).ConfigureAwait(false);
    }
}
