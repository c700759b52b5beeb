using System.Net;
using Coordination.Core.Data;
using Coordination.Web.Hubs;
using Microsoft.AspNetCore.CookiePolicy;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;

namespace Coordination.Web.Hosting;

/// <summary>
/// What a real installation needs between the board and the network: its own key ring kept in its own database,
/// the client's address and scheme taken from a configured reverse proxy only, cookies Secure behind TLS, and live
/// connections (<c>/_blazor</c>, the hub) refused from another site's pages.
/// </summary>
public static class DeploymentHardening
{
    /// <summary>Fixed, so that moving an installation's folder keeps its sessions; isolation comes from the key ring being in its database.</summary>
    public const string ApplicationName = "coordination-board";

    public static void AddDeploymentHardening(this IServiceCollection services, IConfiguration configuration)
    {
        // The keys that sign cookies and antiforgery tokens live with the installation's data: a restart keeps
        // everybody signed in (the wall included), and no other installation of the same OS user can read them.
        services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<CoordinationDbContext>();

        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Only the proxies named in configuration are believed: not even loopback by default.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in List(configuration, "ForwardedHeaders:KnownProxies"))
            {
                o.KnownProxies.Add(IPAddress.Parse(proxy));
            }
            foreach (var network in List(configuration, "ForwardedHeaders:KnownNetworks"))
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        services.Configure<CookiePolicyOptions>(o => o.Secure = CookieSecurePolicy.SameAsRequest);
    }

    /// <summary>First in the pipeline: the forwarded scheme and address (from a configured proxy), then cookie security, then the live-connection origin check.</summary>
    public static void UseDeploymentHardening(this WebApplication app)
    {
        if (List(app.Configuration, "ForwardedHeaders:KnownProxies").Count + List(app.Configuration, "ForwardedHeaders:KnownNetworks").Count > 0)
        {
            app.UseForwardedHeaders();
        }
        app.UseCookiePolicy();
        var origins = List(app.Configuration, "Security:AllowedOrigins").Select(o => o.TrimEnd('/')).ToHashSet(StringComparer.OrdinalIgnoreCase);
        app.Use(async (context, next) =>
        {
            if (IsLivePath(context.Request.Path) && !OriginAllowed(context.Request, origins))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return;
            }
            await next();
        });
    }

    private static bool IsLivePath(PathString path) => path.StartsWithSegments("/_blazor") || path.StartsWithSegments(BoardHub.Path);

    /// <summary>
    /// A browser always names the page's origin on a WebSocket or a negotiate post: it must be this site (or one the
    /// configuration allows). Programs (an API key, no browser) send no Origin and are not affected.
    /// </summary>
    public static bool OriginAllowed(HttpRequest request, IReadOnlySet<string> allowed)
    {
        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            return true;
        }
        var own = $"{request.Scheme}://{request.Host.Value}";
        return string.Equals(origin, own, StringComparison.OrdinalIgnoreCase) || allowed.Contains(origin);
    }

    /// <summary>A list setting given either as an array (<c>Key:0</c>, <c>Key:1</c>) or as one value separated by <c>;</c> or <c>,</c>.</summary>
    private static List<string> List(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection(key);
        var values = section.Value is { } one ? [one] : section.GetChildren().Select(c => c.Value ?? "");
        return values.SelectMany(v => v.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
    }
}
