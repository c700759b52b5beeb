using Microsoft.AspNetCore.Localization;

namespace Coordination.Web.Hosting;

/// <summary>The language choice, remembered per browser in a cookie (also before signing in).</summary>
public static class PreferenceEndpoints
{
    public static void MapPreferenceEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/preferences").ExcludeFromDescription().AllowAnonymous();

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
    }

    private static CookieOptions Remember() => new()
    {
        Expires = DateTimeOffset.UtcNow.AddYears(1),
        HttpOnly = true,
        IsEssential = true,
        SameSite = SameSiteMode.Lax,
    };

    /// <summary>Only a path of this board, without control characters (which the redirect itself would refuse with an error).</summary>
    internal static string SafeReturn(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.Length <= 2048 && returnUrl.StartsWith('/') && !returnUrl.Any(char.IsControl) && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl
            : "/";
}
