using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using TeamsPlans.Plans.Reading;

namespace TeamsPlans.Bot.Security;

/// <summary>
/// Caps the body of POST /api/messages at <see cref="SecurityOptions.MaxActivityBytes"/>: a declared Content-Length over the
/// cap is refused before anything is read; otherwise the body is read through a counting stream (chunked bodies too) and
/// the server's own limit is lowered to the cap where the server supports it (Kestrel).
/// </summary>
internal static class ActivityBodyLimit
{
    /// <summary>False when the declared length is already over the cap (answer 413); else limits the body stream.</summary>
    public static bool Apply(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var max = Max(http);
        if (http.Request.ContentLength is long declared && declared > max) return false;
        var feature = http.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false }) feature.MaxRequestBodySize = max;
        http.Request.Body = new BoundedReadStream(http.Request.Body, max, () => new BodyTooLargeException(max), leaveOpen: true);
        return true;
    }

    public static long Max(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var configured = http.RequestServices.GetService<IOptions<SecurityOptions>>()?.Value.MaxActivityBytes ?? 0;
        return configured > 0 ? configured : new SecurityOptions().MaxActivityBytes;
    }

    /// <summary>True for the exceptions a read over the cap raises (ours, or the server's own 413).</summary>
    public static bool IsTooLarge(Exception e) =>
        e is BodyTooLargeException or BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge };

    public static Task WriteTooLargeAsync(HttpContext http)
    {
        var max = Max(http);
        http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        http.Response.ContentType = "application/json; charset=utf-8";
        var kb = (max / 1024).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return http.Response.WriteAsync(TeamsPlans.Bot.Protocol.BotJson.Serialize(new
        {
            error = new { code = "413", message = $"The activity is larger than {kb} KB. / Hoạt động lớn hơn {kb} KB." },
        }));
    }
}
