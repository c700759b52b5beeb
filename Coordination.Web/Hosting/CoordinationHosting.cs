using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Coordination.Core;
using Coordination.Core.Assistance;
using Coordination.Core.Board;
using Coordination.Core.Children;
using Coordination.Core.Data;
using Coordination.Core.Reference;
using Coordination.Core.Referrals;
using Coordination.Core.Screenings;
using Coordination.Core.Audit;
using Coordination.Core.Access;
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

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new BoardClock(sp.GetRequiredService<TimeProvider>(), BoardClock.ChinaStandardTime));
        services.AddSingleton<InProcessBoardNotifier>();
        services.AddSingleton<IBoardNotifier>(sp => sp.GetRequiredService<InProcessBoardNotifier>());
        services.AddSingleton<BoardSnapshotService>();
        services.AddSingleton<BoardEventLog>();
        services.AddSingleton<ReferenceCatalog>();
        services.AddSingleton<ScreeningService>();
        services.AddSingleton<ChildService>();
        services.AddSingleton<AssistanceService>();
        services.AddSingleton<Coordination.Core.Figures.FiguresService>();
        services.AddSingleton<VillageService>();
        services.AddOptions<ReferralDueTimes>()
            .BindConfiguration(ReferralDueTimes.Section)
            .Validate(d => d.IsValid(), "Referrals:DueTimes: every due time must be positive, completion no earlier than acceptance.")
            .ValidateOnStart();
        services.AddSingleton<ReferralService>();
        services.AddHostedService<ReferralOverdueWatch>();

        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(Cultures[0]);
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            // Chinese unless the person chose otherwise: the browser's language does not decide.
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });
        services.AddScoped<Labels>();
        services.AddScoped<WorkingAs>();
        services.AddSingleton<AuditLog>();
        services.AddSingleton<ApiKeyService>();
        services.AddBoardAccounts(builder.Configuration);

        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddTransient<MudBlazor.MudLocalizer, MudTranslations>();
        services.AddSignalR().AddJsonProtocol(o => ApiJson.Configure(o.PayloadSerializerOptions));
        services.AddHostedService<BoardHubForwarder>();
        services.AddHostedService<RiskRefresh>();
        services.AddSingleton<LiveKeyConnections>();
        services.AddHostedService(sp => sp.GetRequiredService<LiveKeyConnections>());

        services.ConfigureHttpJsonOptions(o => ApiJson.Configure(o.SerializerOptions));
        services.AddProblemDetails();
        services.AddOpenApi();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
    }

    public static void UseCoordination(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
            app.UseHsts();
        }
        app.UseSecurityHeaders();
        // People get a page for an error status; programs (API, hub) get the status and its problem detail as it is.
        app.UseWhen(
            context => !context.Request.Path.StartsWithSegments("/api") && !context.Request.Path.StartsWithSegments("/hubs"),
            branch => branch.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
        app.UseRequestLocalization();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapStaticAssets().AllowAnonymous();
        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapPreferenceEndpoints();
        app.MapAccountEndpoints();
        app.MapCoordinationApi();
        app.MapHub<BoardHub>(BoardHub.Path);
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
    }

    /// <summary>Migrates the file, loads the reference lists and, in Development only, fills an empty register with demo data.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var location = app.Services.GetRequiredService<DataLocation>();
        var factory = app.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<CoordinationDbContext>>();
        await using (var db = await factory.CreateDbContextAsync())
        {
            await Database.MigrateAsync(db);
            await ReferenceData.LoadAsync(db, location.DataDirectory);
            if (app.Environment.IsDevelopment() && app.Configuration.GetValue("Demo:Seed", false))
            {
                var made = await Core.Demo.DemoData.SeedAsync(db, app.Services.GetRequiredService<BoardClock>());
                if (made > 0)
                {
                    app.Logger.LogInformation("Filled the new register with {Count} synthetic demo children", made);
                }
            }
        }
        await app.Services.GetRequiredService<ReferenceCatalog>().LoadAsync();
        if (app.Environment.IsDevelopment() && app.Configuration.GetValue("Demo:Seed", false))
        {
            DemoSignIns = await DemoAccounts.EnsureAsync(app.Services);
        }
    }

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
                Console.WriteLine("  Sign in with an account made by: dotnet run --project Coordination.Web -- users add --email E --agency KEY --role ROLE");
            }
            Console.WriteLine();
        });
}
