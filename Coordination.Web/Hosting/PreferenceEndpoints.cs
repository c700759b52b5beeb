using Coordination.Core.Reference;
using Microsoft.AspNetCore.Localization;

namespace Coordination.Web.Hosting;

/// <summary>The language and "working as" choices, remembered per browser in cookies.</summary>
public static class PreferenceEndpoints
{
    public static void MapPreferenceEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/preferences").ExcludeFromDescription();

        group.MapGet("/culture", (string culture, string? returnUrl, HttpContext http) =>
        {
            if (CoordinationHosting.Cultures.Any(c => c.Name == culture))
            {
                http.Response.Cookies.Append(
                    CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                    Remember());
            }
            return Results.LocalRedirect(SafeReturn(returnUrl));
        });

        group.MapGet("/working-as", (string agency, string? returnUrl, HttpContext http, ReferenceCatalog catalog) =>
        {
            if (catalog.Agency(agency) is not null)
            {
                http.Response.Cookies.Append(WorkingAs.CookieName, agency, Remember());
            }
            return Results.LocalRedirect(SafeReturn(returnUrl));
        });
    }

    private static CookieOptions Remember() => new()
    {
        Expires = DateTimeOffset.UtcNow.AddYears(1),
        HttpOnly = true,
        IsEssential = true,
        SameSite = SameSiteMode.Lax,
    };

    private static string SafeReturn(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl
            : "/";
}
