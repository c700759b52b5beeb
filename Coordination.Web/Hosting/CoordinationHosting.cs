using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Coordination.Core;
using Coordination.Core.Assistance;
using Coordination.Core.Board;
using Coordination.Core.Children;
using Coordination.Core.Data;
using Coordination.Core.Reference;
using Coordination.Core.Screenings;
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
        services.AddSingleton<VillageService>();

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

        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddTransient<MudBlazor.MudLocalizer, MudTranslations>();
        services.AddSignalR().AddJsonProtocol(o => ApiJson.Configure(o.PayloadSerializerOptions));
        services.AddHostedService<BoardHubForwarder>();

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
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseRequestLocalization();
        app.UseAntiforgery();

        app.MapStaticAssets();
        app.MapHealthChecks("/health");
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapPreferenceEndpoints();
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
    }

    public static void AnnounceAddressOnStart(this WebApplication app) =>
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var urls = string.Join(", ", app.Urls);
            var location = app.Services.GetRequiredService<DataLocation>();
            Console.WriteLine();
            Console.WriteLine($"  协同看板 / Coordination board: {urls}");
            Console.WriteLine($"  Database: {location.ConnectionString}");
            Console.WriteLine("  Sign-in: none yet. Pick the agency you work for with 'working as' (当前身份) in the top bar.");
            Console.WriteLine();
        });
}
