using System.Globalization;
using Bunit;
using Coordination.Core;
using Coordination.Core.Board;
using Coordination.Core.Children;
using Coordination.Core.Reference;
using Coordination.Core.Referrals;
using Coordination.Core.Screenings;
using Coordination.Web.Hosting;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MudBlazor.Services;

namespace Coordination.Tests.Support;

/// <summary>
/// A bUnit context with the board's real services over a real, migrated SQLite file, rendering as an
/// interactive server circuit would, in Chinese unless a test says otherwise.
/// </summary>
public sealed class ComponentContext : BunitContext
{
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

    private ComponentContext(TestDatabase database, TestClock clock)
    {
        Database = database;
        Clock = clock;
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices(o => o.PopoverOptions.CheckForPopoverProvider = false);
        // The test's own database, clock and notifier; everything else exactly as the host registers it.
        Services.AddSingleton<IDbContextFactory<Coordination.Core.Data.CoordinationDbContext>>(database);
        Services.AddSingleton(clock.Board);
        Services.AddSingleton(Notifier);
        Services.AddSingleton<IBoardNotifier>(Notifier);
        Services.AddBoardCore();
        Services.AddBoardFaces();
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    public TestDatabase Database { get; }

    public TestClock Clock { get; }

    public InProcessBoardNotifier Notifier { get; } = new(NullLogger<InProcessBoardNotifier>.Instance);

    /// <summary>A context in Chinese, the interface's default language.</summary>
    public static async Task<ComponentContext> CreateAsync()
    {
        var database = await TestDatabase.CreateAsync(Xunit.TestContext.Current.CancellationToken);
        var context = new ComponentContext(database, new TestClock());
        await context.Services.GetRequiredService<ReferenceCatalog>().LoadAsync(Xunit.TestContext.Current.CancellationToken);
        // Pages are behind sign-in: a circuit always has an actor. Tests choose another with WorkAs.
        context.WorkAs("civil-affairs");
        return context;
    }

    /// <summary>
    /// Switches the language for the rest of the calling test. Call it from the test method itself: a
    /// culture set inside an awaited method does not flow back to its caller.
    /// </summary>
    public void UseCulture(string culture) =>
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);

    /// <summary>The circuit's actor: <paramref name="agency"/>'s account of <paramref name="role"/>.</summary>
    public void WorkAs(string agency, Coordination.Core.Access.Role role = Coordination.Core.Access.Role.Liaison, string? township = null) =>
        Services.GetRequiredService<WorkingAs>().Set(new Coordination.Core.Actor(agency, agency + " " + role.ToString().ToLowerInvariant(), role, township, "bunit"));

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        await Database.DisposeAsync();
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _uiCulture;
    }
}
