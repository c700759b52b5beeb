using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Web.Accounts;

/// <summary>Applies <see cref="SessionOptions"/> to the sign-in cookie: idle expiry slides, the absolute limit does not.</summary>
public static class SessionLimits
{
    public static bool IsDisplay(ClaimsPrincipal? user) => user?.IsInRole(Role.Display.Key()) == true;

    /// <summary>Whether a session that began at <paramref name="issued"/> may still go on at <paramref name="now"/>.</summary>
    public static bool WithinAbsolute(ClaimsPrincipal? user, DateTimeOffset? issued, DateTimeOffset now, SessionOptions options) =>
        issued is { } i && now - i <= (IsDisplay(user) ? options.Display : options.Absolute);

    /// <summary>
    /// When the session began: the sign-in's own claim, which a refreshed sign-in keeps. The cookie's IssuedUtc
    /// cannot tell: every sliding renewal moves it to the renewal's time.
    /// </summary>
    public static DateTimeOffset? Began(ClaimsPrincipal? user) =>
        long.TryParse(user?.FindFirstValue(SignIn.IssuedClaim), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var ticks)
            ? new DateTimeOffset(ticks, TimeSpan.Zero)
            : null;

    public static void Apply(CookieAuthenticationOptions cookie, SessionOptions options)
    {
        cookie.ExpireTimeSpan = options.Idle;
        cookie.SlidingExpiration = true;
        cookie.Cookie.Name = "coord.session";
        cookie.Cookie.HttpOnly = true;
        cookie.Cookie.SameSite = SameSiteMode.Strict;
        cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        cookie.LoginPath = "/account/login";
        cookie.LogoutPath = "/account/logout";
        cookie.AccessDeniedPath = "/account/denied";
        var identityValidate = cookie.Events.OnValidatePrincipal;
        cookie.Events.OnValidatePrincipal = async context =>
        {
            var now = context.Options.TimeProvider?.GetUtcNow() ?? DateTimeOffset.UtcNow;
            if (!WithinAbsolute(context.Principal, Began(context.Principal), now, options))
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(context.Scheme.Name);
                return;
            }
            // Identity's stores, and so a pooled DbContext, from a scope of this check alone: from the request's
            // services they lived as long as the request, and a circuit's request (its WebSocket) lasts as long as
            // the circuit: every open page held a context (and the pool kept one per page ever open at once).
            var http = context.HttpContext;
            var requestServices = http.RequestServices;
            await using var scope = requestServices.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
            // On every request, not every few minutes: a signed-out, disabled or reset session ends at once.
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Account>>();
            if (context.Principal is null || !await AccountSessions.IsCurrentAsync(users, context.Principal))
            {
                context.RejectPrincipal();
                await http.SignOutAsync(context.Scheme.Name);
                return;
            }
            // Identity's security-stamp check resolves its SignInManager from the request's services: give it this scope's.
            http.RequestServices = scope.ServiceProvider;
            try
            {
                await identityValidate(context);
            }
            finally
            {
                http.RequestServices = requestServices;
            }
        };
        // A wall display keeps its long device session without sliding.
        cookie.Events.OnCheckSlidingExpiration = context =>
        {
            context.ShouldRenew = context.ShouldRenew && !IsDisplay(context.Principal);
            return Task.CompletedTask;
        };
        // Programs get a status code, people get the sign-in page.
        cookie.Events.OnRedirectToLogin = context => Answer(context, StatusCodes.Status401Unauthorized);
        cookie.Events.OnRedirectToAccessDenied = context => Answer(context, StatusCodes.Status403Forbidden);
    }

    private static Task Answer(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/hubs") || context.Request.Path.StartsWithSegments("/openapi"))
        {
            return WriteProblemAsync(context.HttpContext, status, status == StatusCodes.Status401Unauthorized ? "Error.Caller.Unknown" : "Error.Forbidden");
        }
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    /// <summary>An RFC 7807 answer in the request's language, with the stable code beside the title.</summary>
    public static Task WriteProblemAsync(HttpContext context, int status, string code)
    {
        var localizer = context.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<SharedResource>>();
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(
            new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = status, Title = localizer[code], Extensions = { ["code"] = code } },
            (System.Text.Json.JsonSerializerOptions?)null,
            "application/problem+json");
    }
}
