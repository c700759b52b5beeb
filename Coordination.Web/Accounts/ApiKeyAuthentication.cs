using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Coordination.Web.Accounts;

/// <summary>
/// An agency's program signs in with its API key: <c>Authorization: Bearer KEY</c>, or for the hub's WebSocket
/// the <c>access_token</c> query parameter SignalR sends. A key acts as its agency's liaison.
/// </summary>
public sealed class ApiKeyAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyService keys) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    public static string? SecretOf(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return header["Bearer ".Length..].Trim();
        }
        return request.Path.StartsWithSegments("/hubs") && request.Query.TryGetValue("access_token", out var token) ? token.ToString() : null;
    }

    /// <summary>A program without a valid key gets 401 with a problem detail, never a sign-in page.</summary>
    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        SessionLimits.WriteProblemAsync(Context, StatusCodes.Status401Unauthorized, "Error.Caller.Unknown");

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        SessionLimits.WriteProblemAsync(Context, StatusCodes.Status403Forbidden, "Error.Forbidden");

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (SecretOf(Request) is not { Length: > 0 } secret)
        {
            return AuthenticateResult.NoResult();
        }
        var key = await keys.FindAsync(secret, Context.RequestAborted);
        if (key is null)
        {
            return AuthenticateResult.Fail("Unknown or revoked API key.");
        }
        var identity = new ClaimsIdentity(
            AccountClaims.For(key.AgencyKey, Role.Liaison, null, "api:" + key.Name)
                .Append(new Claim(ClaimTypes.Name, "api:" + key.Hint))
                .Append(new Claim("coord:api-key", key.Id.ToString())),
            SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}
