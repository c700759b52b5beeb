using Coordination.Web.Api;
using Microsoft.AspNetCore.Antiforgery;

namespace Coordination.Web.Accounts;

/// <summary>Signing out: a form post with its antiforgery token, never a link.</summary>
public static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app) =>
        app.MapPost("/account/logout", async (HttpContext http, IAntiforgery antiforgery, SignIn signIn) =>
            {
                if (!await antiforgery.IsRequestValidAsync(http))
                {
                    return Results.BadRequest();
                }
                await signIn.OutAsync(CallerAgency.Resolve(http), http.User);
                return Results.LocalRedirect("/account/login");
            })
            .AllowAnonymous()
            .DisableAntiforgery()
            .ExcludeFromDescription();
}
