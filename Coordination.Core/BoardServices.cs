using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Coordination.Core;

/// <summary>
/// The board's services, registered in one place for every host: the web app, the tests and the benchmarks.
/// The host adds the database (an <c>IDbContextFactory&lt;CoordinationDbContext&gt;</c>) and may register its own
/// clock, notifier or due times first: everything here is added only when not there yet.
/// </summary>
public static class BoardServices
{
    public static IServiceCollection AddBoardCore(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new BoardClock(sp.GetRequiredService<TimeProvider>(), BoardClock.ChinaStandardTime));
        services.TryAddSingleton<InProcessBoardNotifier>();
        services.TryAddSingleton<IBoardNotifier>(sp => sp.GetRequiredService<InProcessBoardNotifier>());
        services.AddOptions<ReferralDueTimes>();
        services.TryAddSingleton<BoardSnapshotService>();
        services.TryAddSingleton<BoardEventLog>();
        services.TryAddSingleton<ReferenceCatalog>();
        services.TryAddSingleton<ScreeningService>();
        services.TryAddSingleton<Import.ImportService>();
        services.TryAddSingleton<ChildService>();
        services.TryAddSingleton<AssistanceService>();
        services.TryAddSingleton<VillageService>();
        services.TryAddSingleton<ReferralService>();
        services.TryAddSingleton<Figures.FiguresService>();
        services.TryAddSingleton<Figures.FiguresSignOffService>();
        services.TryAddSingleton<Wall.IWallFigures, Wall.AssistanceWallFigures>();
        services.TryAddSingleton<AuditLog>();
        services.TryAddSingleton<ApiKeyService>();
        return services;
    }
}
