using System.Threading.RateLimiting;
using Coordination.Web.Api;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Coordination.Web.Hosting;

/// <summary>
/// How often one caller may try (<c>RateLimits:*</c>): sign-in attempts per client address and per account name,
/// and API calls per key or account. The defaults are far above normal use (a liaison, a test suite) and far
/// below what fills a disk.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>The window every limit counts in, in seconds.</summary>
    public int WindowSeconds { get; set; } = 60;

    /// <summary>Sign-in attempts from one client address per window.</summary>
    public int SignInPerAddress { get; set; } = 120;

    /// <summary>Sign-in attempts for one account name per window (wrong passwords also lock the account).</summary>
    public int SignInPerAccount { get; set; } = 30;

    /// <summary>API calls by one key or account (or one address, when anonymous) per window.</summary>
    public int ApiPerCaller { get; set; } = 1200;

    public bool IsValid() => WindowSeconds > 0 && SignInPerAddress > 0 && SignInPerAccount > 0 && ApiPerCaller > 0;
}

/// <summary>The sign-in form's limits: asked before an attempt is checked or audited, so a flood writes nothing.</summary>
public sealed class SignInLimits(IOptions<RateLimitOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.GetFixedWindowLimiter(key, k => new FixedWindowRateLimiterOptions
        {
            PermitLimit = k.StartsWith("address:", StringComparison.Ordinal) ? options.Value.SignInPerAddress : options.Value.SignInPerAccount,
            Window = TimeSpan.FromSeconds(options.Value.WindowSeconds),
            QueueLimit = 0,
        }), StringComparer.Ordinal);

    /// <summary>True when this attempt may go ahead; both the address's and the account's count are taken.</summary>
    public bool TryAcquire(string? address, string accountName)
    {
        using var byAddress = _limiter.AttemptAcquire("address:" + (address ?? "?"));
        // The account's partition key is bounded: a huge typed name must not become a huge key.
        var name = accountName.Trim().ToUpperInvariant();
        using var byAccount = _limiter.AttemptAcquire("account:" + (name.Length > 256 ? name[..256] : name));
        return byAddress.IsAcquired && byAccount.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}

public static class RateLimitsHosting
{
    public const string ApiPolicy = "api";

    public static void AddBoardRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>()
            .BindConfiguration(RateLimitOptions.Section)
            .Validate(o => o.IsValid(), "RateLimits: every limit and the window must be positive.")
            .ValidateOnStart();
        services.AddSingleton<SignInLimits>();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(ApiPolicy, http =>
            {
                var limits = http.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
                var caller = CallerAgency.Resolve(http) is { } actor
                    ? "caller:" + (actor.Account ?? actor.Person)
                    : "address:" + http.Connection.RemoteIpAddress;
                return RateLimitPartition.GetFixedWindowLimiter(caller, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limits.ApiPerCaller,
                    Window = TimeSpan.FromSeconds(limits.WindowSeconds),
                    QueueLimit = 0,
                });
            });
            o.OnRejected = async (context, ct) =>
            {
                var http = context.HttpContext;
                var localizer = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry))
                {
                    http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retry.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }
                await Results.Problem(
                        statusCode: StatusCodes.Status429TooManyRequests,
                        title: localizer["Error.RateLimited"],
                        extensions: new Dictionary<string, object?> { ["code"] = "Error.RateLimited" })
                    .ExecuteAsync(http);
            };
        });
    }
}
