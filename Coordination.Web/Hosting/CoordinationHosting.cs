using System.Text.Json;
using System.Text.Json.Serialization;
using Coordination.Core.Assistance;
using Coordination.Core.Data;
using Coordination.Core.Referrals;
using Coordination.Core.Audit;
using Coordination.Web.Accounts;
using Coordination.Web.Api;
using Coordination.Web.Components;
using Coordination.Web.Hubs;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor.Services;

namespace Coordination.Web.Hosting;

/// <summary>The composition root: what the board is made of and how requests reach it.</summary>
public static class CoordinationHosting
{
    public static readonly CultureInfo[] Cultures = [new("zh-CN"), new("en-US")];

    public static void AddCoordination(this WebApplicationBuilder builder)
    {
        var services = builder.Services;

        // Read when first needed, not now: tests and tools add configuration after this method runs.
        services.AddSingleton(sp => DataLocation.From(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<IWebHostEnvironment>()));
        services.AddPooledDbContextFactory<CoordinationDbContext>((sp, o) => Database.Configure(o, sp.GetRequiredService<DataLocation>().ConnectionString));

        services.AddBoardCore();
        services.AddSingleton(sp => Core.Wall.TownshipPositions.Load(sp.GetRequiredService<DataLocation>().DataDirectory));
        services.AddSingleton<Core.Wall.WallService>();
        services.AddOptions<ReferralDueTimes>()
            .BindConfiguration(ReferralDueTimes.Section)
            .Validate(d => d.IsValid(), "Referrals:DueTimes: every due time must be positive, completion no earlier than acceptance.")
            .ValidateOnStart();
        services.AddHostedService<ReferralOverdueWatch>();

        services.AddBoardFaces();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(Cultures[0]);
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            // Chinese unless the person chose otherwise: the browser's language does not decide.
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });
        services.AddBoardAccounts(builder.Configuration);
        services.AddBoardRateLimits();
        // A request body larger than any form or API call needs is refused before it is read (413).
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = builder.Configuration.GetValue<long?>("Limits:MaxRequestBodyBytes") ?? 4 * 1024 * 1024);
        services.AddDeploymentHardening(builder.Configuration);

        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddSignalR().AddJsonProtocol(o => ApiJson.Configure(o.PayloadSerializerOptions));
        services.AddHostedService<BoardHubForwarder>();
        services.AddHostedService<RiskRefresh>();
        services.AddHostedService<RunningBoardLock>();
        services.AddHostedService<ScheduledBackup>();
        services.AddSingleton<LiveKeyConnections>();
        services.AddHostedService(sp => sp.GetRequiredService<LiveKeyConnections>());

        services.ConfigureHttpJsonOptions(o => ApiJson.Configure(o.SerializerOptions));
        services.AddProblemDetails(o => o.CustomizeProblemDetails = BindingProblems.Customize);
        // A value that cannot be bound is thrown in every environment, so the handler above names the parameter.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddOpenApi();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
    }

    /// <summary>What the pages need besides Core, for the host and the component tests alike: languages, labels, the circuit's actor.</summary>
    public static IServiceCollection AddBoardFaces(this IServiceCollection services)
    {
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.TryAddTransient<MudBlazor.MudLocalizer, MudTranslations>();
        services.TryAddScoped<Labels>();
        services.TryAddScoped<WorkingAs>();
        services.TryAddSingleton<Components.Board.BoardMarkup>();
        // What an import reads in cells and writes in its template and report: the board's language, Chinese.
        services.TryAddSingleton(sp =>
        {
            var localizer = sp.GetRequiredService<IStringLocalizer<SharedResource>>();
            return new Core.Import.ImportText(key =>
            {
                var previous = CultureInfo.CurrentUICulture;
                CultureInfo.CurrentUICulture = Cultures[0];
                try
                {
                    return localizer[key];
                }
                finally
                {
                    CultureInfo.CurrentUICulture = previous;
                }
            });
        });
        return services;
    }

    public static void UseCoordination(this WebApplication app)
    {
        app.UseDeploymentHardening();
        // Programs (API, hub) get a problem detail for an unexpected error in every environment, people a page.
        app.UseWhen(
            context => IsForPrograms(context.Request.Path),
            branch => branch.UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = StatusOf }));
        if (!app.Environment.IsDevelopment())
        {
            app.UseWhen(
                context => !IsForPrograms(context.Request.Path),
                branch => branch.UseExceptionHandler(new ExceptionHandlerOptions
                {
                    ExceptionHandlingPath = "/Error", CreateScopeForErrors = true, StatusCodeSelector = StatusOf,
                }));
            app.UseHsts();
        }
        app.UseSecurityHeaders();
        // People get a page for an error status; programs (API, hub) get the status and its problem detail as it is.
        app.UseWhen(
            context => !IsForPrograms(context.Request.Path),
            branch => branch.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
        // Routing after the status pages, so a re-executed request (the not-found page) finds its own endpoint and
        // its AllowAnonymous, instead of meeting the sign-in-required fallback with no endpoint at all.
        app.UseRouting();
        app.UseRequestLocalization();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();

        app.MapStaticAssets().AllowAnonymous();
        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapPreferenceEndpoints();
        app.MapAccountEndpoints();
        app.MapCoordinationApi();
        // The hub pushes board lines: only to those who may see them (the wall and the administrator read aggregates).
        app.MapHub<BoardHub>(BoardHub.Path).RequireAuthorization(AccessRoles.BoardLineReaders);
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        // An address the board does not have is a 404 for anyone, signed in or not (never a sign-in prompt, which
        // would say nothing and hide the mistake): people then get the board's own not-found page, programs a problem detail.
        app.MapFallback(context =>
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/hubs")
                    ? Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such address.").ExecuteAsync(context)
                    : Task.CompletedTask;
            })
            .AllowAnonymous()
            .ExcludeFromDescription();
    }

    private static bool IsForPrograms(PathString path) => path.StartsWithSegments("/api") || path.StartsWithSegments("/hubs");

    /// <summary>A body over the limit is the caller's mistake (413), a malformed request too (400); anything else is ours.</summary>
    private static int StatusOf(Exception exception) => exception switch
    {
        BadHttpRequestException bad => bad.StatusCode,
        _ => StatusCodes.Status500InternalServerError,
    };

    /// <summary>Migrates the file and loads the reference lists: what the server and every CLI verb need, and nothing more.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var location = app.Services.GetRequiredService<DataLocation>();
        var factory = app.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<CoordinationDbContext>>();
        await using (var db = await factory.CreateDbContextAsync())
        {
            await Database.MigrateAsync(db);
            await ReferenceData.LoadAsync(db, location.DataDirectory);
        }
        await app.Services.GetRequiredService<ReferenceCatalog>().LoadAsync();
        // The wall's map places are read now, so a bad file stops start-up like any other reference file.
        app.Services.GetRequiredService<Core.Wall.TownshipPositions>();
    }

    /// <summary>
    /// Before the server serves: outside Development it refuses to start while any demo account (with its published
    /// password) exists; in Development with <c>Demo:Seed</c> it fills a demo database — one marked as such when the
    /// demo set was made on an empty database, and holding no other account or child — and never any other.
    /// </summary>
    /// <returns>False when the server must not start (the reason is written to the error output).</returns>
    public static async Task<bool> PrepareServerAsync(this WebApplication app)
    {
        var factory = app.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<CoordinationDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        if (!app.Environment.IsDevelopment())
        {
            var demo = await Core.Demo.DemoDatabase.DemoAccountsAsync(db);
            if (demo.Count > 0)
            {
                Console.Error.WriteLine(DemoAccountsRefusal(app.Services, demo));
                return false;
            }
            return true;
        }
        if (!app.Configuration.GetValue("Demo:Seed", false))
        {
            return true;
        }
        var clock = app.Services.GetRequiredService<BoardClock>();
        if (!await Core.Demo.DemoDatabase.MarkIfEmptyAsync(db, clock.Now))
        {
            app.Logger.LogWarning("Demo:Seed is on, but this database was not made as a demo database: no demo data or demo accounts are added");
            return true;
        }
        if (await Core.Demo.DemoDatabase.HoldsRealDataAsync(db))
        {
            app.Logger.LogWarning("This demo database now holds accounts or children that are not demo ones: no demo data or demo accounts are added");
            return true;
        }
        var made = await Core.Demo.DemoData.SeedAsync(db, clock);
        if (made > 0)
        {
            app.Logger.LogInformation("Filled the new register with {Count} synthetic demo children", made);
            await Core.Demo.DemoQuarters.SignOffAsync(app.Services.GetRequiredService<Core.Figures.FiguresSignOffService>(), app.Services.GetRequiredService<Core.Figures.FiguresService>());
        }
        DemoSignIns = await DemoAccounts.EnsureAsync(app.Services);
        return true;
    }

    /// <summary>Why a Production board will not start on a database with demo accounts, and the command that removes them (Chinese, then English).</summary>
    public static string DemoAccountsRefusal(IServiceProvider services, IReadOnlyList<string> accounts)
    {
        var localizer = services.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<SharedResource>>();
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            var lines = new List<string>();
            foreach (var culture in Cultures)
            {
                CultureInfo.CurrentUICulture = culture;
                lines.Add(localizer["Startup.DemoAccounts", accounts.Count, string.Join(", ", accounts), RemoveDemoCommand]);
            }
            return string.Join(Environment.NewLine, lines);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    public const string RemoveDemoCommand = "dotnet run --project Coordination.Web --no-launch-profile -- users remove-demo";

    /// <summary>The demo accounts made at start (Development with demo data), to print for a newcomer.</summary>
    private static IReadOnlyList<string> DemoSignIns { get; set; } = [];

    public static void AnnounceAddressOnStart(this WebApplication app) =>
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var urls = string.Join(", ", app.Urls);
            var location = app.Services.GetRequiredService<DataLocation>();
            Console.WriteLine();
            Console.WriteLine($"  协同看板 / Coordination board: {urls}");
            Console.WriteLine($"  Database: {location.ConnectionString}");
            if (DemoSignIns.Count > 0)
            {
                Console.WriteLine($"  Sign in with any demo account below, password: {DemoAccounts.Password}");
                foreach (var account in DemoSignIns)
                {
                    Console.WriteLine($"    {account}");
                }
            }
            else
            {
                Console.WriteLine("  Sign in with an account made by: dotnet run --project Coordination.Web --no-launch-profile -- users add --email E --agency KEY --role ROLE");
            }
            Console.WriteLine();
        });
}
