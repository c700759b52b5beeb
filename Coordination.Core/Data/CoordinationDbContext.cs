using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Coordination.Core.Data;

/// <summary>
/// The board's database: the work, the event log, the accounts (ASP.NET Core Identity), the audit trail, and the
/// installation's own keys and settings (the data-protection key ring that signs its cookies, whether it is a demo).
/// </summary>
public sealed class CoordinationDbContext(DbContextOptions<CoordinationDbContext> options) : IdentityUserContext<Account>(options), IDataProtectionKeyContext
{
    /// <summary>Record kinds whose writes the audit trail does not list one by one (it is itself, the log, a risk change — audited as the child's Risk update —, or a lock's stored values, audited as the lock).</summary>
    // A submission's and a lock's rows are the act itself, which the sign-off service audits as one entry
    // (figures.submitted, figures.locked, ...): a second, per-row entry would show one act twice (and a lock's
    // number before the database gave it one).
    private static readonly HashSet<Type> NotAudited =
        [typeof(AuditEntry), typeof(BoardEvent), typeof(ChildRiskChange), typeof(Figures.LockedFigure), typeof(Figures.AgencySubmission), typeof(Figures.QuarterLock)];
    public DbSet<Agency> Agencies => Set<Agency>();

    public DbSet<Township> Townships => Set<Township>();

    public DbSet<Village> Villages => Set<Village>();

    public DbSet<Programme> Programmes => Set<Programme>();

    public DbSet<AssistanceRecord> AssistanceRecords => Set<AssistanceRecord>();

    public DbSet<Child> Children => Set<Child>();

    public DbSet<ChildCategoryEnrolment> ChildCategories => Set<ChildCategoryEnrolment>();

    public DbSet<ChildRiskChange> ChildRiskChanges => Set<ChildRiskChange>();

    public DbSet<Screening> Screenings => Set<Screening>();

    public DbSet<BoardEvent> BoardEvents => Set<BoardEvent>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Referral> Referrals => Set<Referral>();

    public DbSet<ReferralStep> ReferralSteps => Set<ReferralStep>();

    /// <summary>The key ring that protects this installation's sign-in cookies and antiforgery tokens: kept with its data, shared with no other.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<InstallationSetting> InstallationSettings => Set<InstallationSetting>();

    public DbSet<Figures.AgencySubmission> AgencySubmissions => Set<Figures.AgencySubmission>();

    public DbSet<Figures.QuarterLock> QuarterLocks => Set<Figures.QuarterLock>();

    public DbSet<Figures.LockedFigure> LockedFigures => Set<Figures.LockedFigure>();

    public DbSet<Figures.ReportedFigure> ReportedFigures => Set<Figures.ReportedFigure>();

    /// <summary>
    /// Saves the pending changes, appends <paramref name="events"/> to the board's log and an audit entry for
    /// every record written, in one transaction. The transaction is IMMEDIATE (SQLite's write lock from its
    /// first statement), so the sequence numbers handed out here are strictly increasing across every writer.
    /// <paramref name="now"/> is the audit entries' time: the caller's clock (<see cref="BoardClock"/>, from <see cref="TimeProvider"/>).
    /// </summary>
    public async Task SaveWithEventsAsync(IReadOnlyList<BoardEvent> events, Actor? actor, DateTimeOffset now, CancellationToken ct)
    {
        if (Database.CurrentTransaction is not null)
        {
            // Inside InWriteTurnAsync: the caller holds the turn and commits (or rolls back) everything at once.
            await SaveWithEventsInTurnAsync(events, actor, now, ct);
            return;
        }
        await InWriteTurnAsync(() => SaveWithEventsInTurnAsync(events, actor, now, ct), ct);
    }

    /// <summary>
    /// Runs <paramref name="work"/> in this file's write turn, in one transaction committed at its end (rolled back if
    /// it throws): the saves inside it (<see cref="SaveWithEventsAsync"/>, <see cref="SaveAuditedAsync"/>) join it.
    /// A bulk write (an import) holds the turn for its whole length, so other writers wait for it rather than fail.
    /// </summary>
    public async Task InWriteTurnAsync(Func<Task> work, CancellationToken ct)
    {
        // Writers of one file in this process take turns here, in order, rather than in SQLite's busy handler, which
        // sleeps (up to 100 ms a try) and lets newcomers pass: under 20 concurrent writers some saves waited seconds.
        var gate = WriteGates.GetOrAdd(Database.GetConnectionString() ?? "", static _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            await using var tx = await Database.BeginTransactionAsync(ct);
            await work();
            await tx.CommitAsync(ct);
        }
        finally
        {
            gate.Release();
        }
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, SemaphoreSlim> WriteGates = new(StringComparer.Ordinal);

    private async Task SaveWithEventsInTurnAsync(IReadOnlyList<BoardEvent> events, Actor? actor, DateTimeOffset now, CancellationToken ct)
    {
        var last = await BoardEvents.MaxAsync(e => (long?)e.Sequence, ct) ?? 0;
        foreach (var e in events)
        {
            e.AssignSequence(++last);
        }
        BoardEvents.AddRange(events);
        var generated = AddAuditEntries(actor, now);
        await SaveChangesAsync(ct);
        await AuditGeneratedKeysAsync(generated, actor, now, ct);
    }

    /// <summary>Saves the pending changes with an audit entry for every record written, at <paramref name="now"/> (the caller's clock).</summary>
    public async Task<int> SaveAuditedAsync(Actor? actor, DateTimeOffset now, CancellationToken ct)
    {
        var generated = AddAuditEntries(actor, now);
        if (generated.Count == 0)
        {
            return await SaveChangesAsync(ct);
        }
        await using var tx = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(ct) : null;
        var saved = await SaveChangesAsync(ct);
        await AuditGeneratedKeysAsync(generated, actor, now, ct);
        if (tx is not null)
        {
            await tx.CommitAsync(ct);
        }
        return saved;
    }

    /// <summary>
    /// The "created" entries of records whose key the database generates (a referral's steps, villages): written once
    /// the first save has given them their real key, in the same transaction — before it, EF's key is a temporary
    /// negative number, which is what the audit trail used to show.
    /// </summary>
    private async Task AuditGeneratedKeysAsync(List<(EntityEntry Entry, string Subject)> generated, Actor? actor, DateTimeOffset now, CancellationToken ct)
    {
        if (generated.Count == 0)
        {
            return;
        }
        foreach (var (entry, subject) in generated)
        {
            AuditEntries.Add(AuditEntry.Of(actor, AuditActions.Created, now, subject, KeyOf(entry), null));
        }
        await SaveChangesAsync(ct);
    }

    private static string KeyOf(EntityEntry entry) =>
        string.Join('/', entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue));

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RefuseAuditRewrites();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RefuseAuditRewrites();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    private void RefuseAuditRewrites()
    {
        if (ChangeTracker.Entries<AuditEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("The audit trail is append-only.");
        }
    }

    private List<(EntityEntry Entry, string Subject)> AddAuditEntries(Actor? actor, DateTimeOffset now)
    {
        var generated = new List<(EntityEntry, string)>();
        ChangeTracker.DetectChanges();
        var entries = ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && !NotAudited.Contains(e.Entity.GetType()))
            .ToList();
        foreach (var entry in entries)
        {
            var action = entry.State switch
            {
                EntityState.Added => AuditActions.Created,
                EntityState.Deleted => AuditActions.Deleted,
                _ => AuditActions.Updated,
            };
            var subject = entry.Metadata.ClrType.BaseType is { } b && b != typeof(object) && b.IsAbstract ? b.Name : entry.Metadata.ClrType.Name;
            if (entry.State == EntityState.Added && entry.Metadata.FindPrimaryKey()!.Properties.Any(p => entry.Property(p.Name).IsTemporary))
            {
                generated.Add((entry, subject));
                continue;
            }
            AuditEntries.Add(AuditEntry.Of(actor, action, now, subject, KeyOf(entry), entry.State == EntityState.Modified ? ChangedFields(entry) : null));
        }
        return generated;
    }

    private static string ChangedFields(EntityEntry entry) =>
        string.Join(',', entry.Properties.Where(p => p.IsModified).Select(p => p.Metadata.Name)
            .Concat(entry.ComplexProperties.SelectMany(c => c.Properties.Where(p => p.IsModified).Select(p => c.Metadata.Name + "." + p.Metadata.Name))));

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot compare DateTimeOffset in SQL: store it as a sortable 64-bit number.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(CoordinationDbContext).Assembly);
    }
}
