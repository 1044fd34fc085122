using Microsoft.Extensions.Options;

namespace TeamsPlans.Bot.Tab;

/// <summary>
/// Addresses of tab pages for cards ("Xem và sửa" on the import preview opens the review page): under Tab:PublicUrl when it
/// is set, else under the scheme and host of the request being answered (the bot's host serves the tab); none outside a
/// request without Tab:PublicUrl (a library drop handled in the background), and the card then has no link.
/// </summary>
internal sealed class TabLinks(IOptions<TabOptions> options, IHttpContextAccessor http)
{
    private static readonly IReadOnlyDictionary<bool, string> ReviewTitles =
        new Dictionary<bool, string> { [true] = "Xem và sửa", [false] = "Review and edit" };

    /// <summary>The card button's title, Vietnamese or English.</summary>
    public static string ReviewTitle(bool vietnamese) => ReviewTitles[vietnamese];

    public string? Review(string planId) => Base() is { } b ? $"{b}/tab/plans/{Uri.EscapeDataString(planId)}/review" : null;

    private string? Base()
    {
        if (!string.IsNullOrWhiteSpace(options.Value.PublicUrl)) return options.Value.PublicUrl.TrimEnd('/');
        return http.HttpContext?.Request is { Host.HasValue: true } r ? $"{r.Scheme}://{r.Host}" : null;
    }
}
