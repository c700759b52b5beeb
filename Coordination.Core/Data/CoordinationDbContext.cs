using Coordination.Core.Board;
using Coordination.Core.Children;
using Coordination.Core.Reference;
using Coordination.Core.Referrals;
using Coordination.Core.Screenings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Coordination.Core.Data;

public sealed class CoordinationDbContext(DbContextOptions<CoordinationDbContext> options) : DbContext(options)
{
    public DbSet<Agency> Agencies => Set<Agency>();

    public DbSet<Township> Townships => Set<Township>();

    public DbSet<Child> Children => Set<Child>();

    public DbSet<ChildCategoryEnrolment> ChildCategories => Set<ChildCategoryEnrolment>();

    public DbSet<Screening> Screenings => Set<Screening>();

    public DbSet<BoardEvent> BoardEvents => Set<BoardEvent>();

    public DbSet<Referral> Referrals => Set<Referral>();

    public DbSet<ReferralStep> ReferralSteps => Set<ReferralStep>();

    /// <summary>
    /// Saves the pending changes and appends <paramref name="events"/> to the board's log in one
    /// transaction. The transaction is IMMEDIATE (SQLite's write lock from its first statement), so the
    /// sequence numbers handed out here are strictly increasing across every writer.
    /// </summary>
    public async Task SaveWithEventsAsync(IReadOnlyList<BoardEvent> events, CancellationToken ct)
    {
        await using var tx = await Database.BeginTransactionAsync(ct);
        var last = await BoardEvents.MaxAsync(e => (long?)e.Sequence, ct) ?? 0;
        foreach (var e in events)
        {
            e.AssignSequence(++last);
        }
        BoardEvents.AddRange(events);
        await SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot compare DateTimeOffset in SQL: store it as a sortable 64-bit number.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CoordinationDbContext).Assembly);
}
