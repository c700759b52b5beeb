using System.Security.Claims;
using Coordination.Core.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Coordination.Web.Accounts;

/// <summary>Identity on the board's database, the sign-in cookie with its limits, API keys, and "signed in by default".</summary>
public static class AccountsHosting
{
    public const string Scheme = "board";

    public static void AddBoardAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SessionOptions>(configuration.GetSection("Sessions"));
        services.AddSingleton(sp => CommonPasswords.Load(sp.GetRequiredService<DataLocation>().DataDirectory));

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = Scheme;
                o.DefaultChallengeScheme = Scheme;
            })
            // Programs present a key, people a cookie: the same endpoints serve both.
            .AddPolicyScheme(Scheme, "Account or API key", o => o.ForwardDefaultSelector = context =>
                ApiKeyAuthentication.SecretOf(context.Request) is not null ? ApiKeyAuthentication.SchemeName : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null)
            .AddIdentityCookies();
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<IOptions<SessionOptions>, TimeProvider>((cookie, sessions, time) =>
            {
                cookie.TimeProvider = time;
                SessionLimits.Apply(cookie, sessions.Value);
            });
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = TimeSpan.FromMinutes(5);
            // A refreshed sign-in keeps the moment the session began: the absolute limit counts from there.
            o.OnRefreshingPrincipal = context =>
            {
                if (context.CurrentPrincipal?.FindFirst(SignIn.IssuedClaim) is { } issued && context.NewPrincipal?.Identity is ClaimsIdentity identity)
                {
                    identity.AddClaim(new Claim(SignIn.IssuedClaim, issued.Value));
                }
                return Task.CompletedTask;
            };
        });

        services.AddIdentityCore<Account>(o =>
            {
                // OWASP ASVS 5.0: length and a common-password check, no composition rules, no forced rotation.
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<CoordinationDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<AccountClaimsFactory>()
            .AddPasswordValidator<CommonPasswordValidator<Account>>()
            .AddDefaultTokenProviders();
        services.AddOptions<IdentityOptions>().Configure<IOptions<SessionOptions>>((o, sessions) =>
        {
            o.Lockout.MaxFailedAccessAttempts = sessions.Value.LockoutFailures;
            o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(sessions.Value.LockoutMinutes);
            o.Lockout.AllowedForNewUsers = true;
        });
        // Identity's stores need a scoped context; the board's services use the factory.
        services.AddScoped(sp => sp.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<CoordinationDbContext>>().CreateDbContext());

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddRightsPolicies();
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, CircuitSessionValidator>();
        services.AddScoped<CircuitActivity>();
        services.AddScoped<Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler, CircuitActivityHandler>();
        services.AddScoped<SignIn>();
        services.AddScoped<AccountService>();
    }
}
