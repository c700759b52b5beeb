using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Coordination.Benchmarks;

/// <summary>
/// The real board app (its own Program, composition root, middleware, hub and Blazor circuits) with a fresh
/// SQLite file and demo data, in the Development environment as <c>dotnet run</c> has it.
/// </summary>
internal sealed class BoardAppFactory(string connectionString) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Coordination", connectionString);
        builder.UseSetting("Demo:Seed", "true");
        // The API allows one caller 1,200 calls a minute (RateLimits:ApiPerCaller, 20 a second): the write benchmarks
        // post far more through one key on purpose, to find what the save path carries. The limiter still runs.
        builder.UseSetting("RateLimits:ApiPerCaller", "10000000");
        builder.ConfigureServices(services =>
            // Warnings and errors only: a console line per request would cost the measured server time.
            services.PostConfigure<LoggerFilterOptions>(o =>
            {
                o.Rules.Clear();
                o.MinLevel = LogLevel.Warning;
            }));
    }
}
