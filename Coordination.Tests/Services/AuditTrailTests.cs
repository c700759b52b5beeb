using Coordination.Core;
using Coordination.Core.Audit;
using Coordination.Core.Board;
using Coordination.Core.Children;
using Coordination.Core.Screenings;
using Coordination.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Coordination.Tests.Services;

/// <summary>Who wrote, saw or revealed what is kept, and nothing can change or remove it.</summary>
public sealed class AuditTrailTests : IAsyncLifetime
{
    private readonly TestClock _clock = new();
    private readonly InProcessBoardNotifier _notifier = new(NullLogger<InProcessBoardNotifier>.Instance);
    private TestDatabase _database = null!;
    private ScreeningService _screenings = null!;
    private ChildService _children = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(Ct);
        _screenings = new ScreeningService(_database, _notifier, _clock.Board);
        _children = new ChildService(_database, _notifier, _clock.Board);
    }

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    private static readonly Actor Liaison = TestInputs.Health with { From = "10.1.2.3" };

    private async Task<Guid> RegisterAsync() =>
        (await _screenings.RecordAsync(Liaison, TestInputs.OfNewChild(Liaison, TestInputs.NewChild(name: "陈小明"), _clock.Today, "low"), Ct)).ChildId;

    private async Task<List<AuditEntry>> EntriesAsync()
    {
        await using var db = _database.CreateDbContext();
        return await db.AuditEntries.AsNoTracking().OrderBy(e => e.Id).ToListAsync(Ct);
    }

    [Fact]
    public async Task A_write_records_who_what_and_from_where_for_every_record_it_makes()
    {
        var child = await RegisterAsync();

        var entries = await EntriesAsync();

        Assert.Contains(entries, e => e.Action == AuditActions.Created && e.Subject == nameof(Child) && e.SubjectId == child.ToString());
        Assert.Contains(entries, e => e.Action == AuditActions.Created && e.Subject == nameof(Screening));
        Assert.All(entries, e => Assert.Equal(("health liaison", "health", "liaison", "10.1.2.3"), (e.Who, e.AgencyKey!, e.Role!, e.From!)));
    }

    [Fact]
    public async Task A_record_whose_key_the_database_generates_is_audited_under_its_real_key_not_efs_temporary_one()
    {
        var villages = new Coordination.Core.Reference.VillageService(_database, _clock.Board);
        var first = await villages.AddAsync(TestInputs.Admin, TestInputs.Township, "审计一村", Ct);
        var second = await villages.AddAsync(TestInputs.Admin, TestInputs.Township, "审计二村", Ct);

        var created = (await EntriesAsync()).Where(e => e.Subject == "Village" && e.Action == AuditActions.Created).Select(e => e.SubjectId).ToList();

        Assert.True(first.Id > 0 && second.Id > first.Id, $"ids {first.Id}, {second.Id}");
        Assert.Equal([first.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), second.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)], created);
    }

    [Fact]
    public async Task Every_audit_entry_is_timed_by_the_boards_clock_not_the_machines()
    {
        // The test clock is in 2026-11-20, the machine's is not: each entry must carry the clock's time.
        var child = await RegisterAsync();
        _clock.Time.Advance(TimeSpan.FromHours(3));
        await _children.GetProfileAsync(Liaison, child, ct: Ct);
        await _children.RevealResidentIdAsync(Liaison, child, Ct);
        _clock.Time.Advance(TimeSpan.FromDays(1));
        var villages = new Coordination.Core.Reference.VillageService(_database, _clock.Board);
        await villages.AddAsync(TestInputs.Admin, TestInputs.Township, "审计时间村", Ct);

        var entries = await EntriesAsync();

        Assert.Equal([TestClock.Start, TestClock.Start.AddHours(3), TestClock.Start.AddHours(27)], entries.Select(e => e.At).Distinct().Order());
        Assert.All(entries.Where(e => e.Subject is nameof(Child) or nameof(Screening) && e.Action == AuditActions.Created), e => Assert.Equal(TestClock.Start, e.At));
        Assert.Equal(TestClock.Start.AddHours(27), entries.Single(e => e.Subject == "Village").At);
    }

    [Fact]
    public async Task A_correction_records_the_names_of_the_changed_fields_and_never_their_values()
    {
        var child = await RegisterAsync();
        var before = (await EntriesAsync()).Count;
        var identity = TestInputs.NewChild(name: "陈小明") with { Categories = null };

        await _children.UpdateAsync(Liaison, child, new UpdateChild(identity, new ChildDetails(GuardianName: "陈大山", GuardianPhone: "13912345678")), Ct);

        var update = Assert.Single((await EntriesAsync()).Skip(before), e => e.Subject == nameof(Child));
        Assert.Equal(AuditActions.Updated, update.Action);
        Assert.Contains("GuardianPhone", update.Fields!, StringComparison.Ordinal);
        Assert.Contains("GuardianName", update.Fields!, StringComparison.Ordinal);
        Assert.DoesNotContain("13912345678", update.Fields!, StringComparison.Ordinal);
        Assert.DoesNotContain("陈大山", update.Fields!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Opening_a_file_and_revealing_an_id_are_recorded()
    {
        var child = await RegisterAsync();

        await _children.GetProfileAsync(Liaison, child, ct: Ct);
        await _children.RevealResidentIdAsync(Liaison, child, Ct);

        var entries = await EntriesAsync();
        Assert.Single(entries, e => e.Action == AuditActions.ChildViewed && e.SubjectId == child.ToString() && e.From == "10.1.2.3");
        Assert.Single(entries, e => e.Action == AuditActions.ResidentIdRevealed && e.SubjectId == child.ToString());
    }

    [Fact]
    public async Task The_database_refuses_to_change_or_delete_an_audit_entry()
    {
        await RegisterAsync();
        await using var connection = new SqliteConnection(Coordination.Core.Data.Database.ConnectionStringFor(_database.Path));
        await connection.OpenAsync(Ct);
        var count = (await EntriesAsync()).Count;

        foreach (var sql in new[] { "UPDATE AuditEntries SET Who = 'someone else'", "DELETE FROM AuditEntries" })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            var refused = await Assert.ThrowsAsync<SqliteException>(() => command.ExecuteNonQueryAsync(Ct));
            Assert.Contains("append-only", refused.Message, StringComparison.Ordinal);
        }
        var after = await EntriesAsync();
        Assert.Equal(count, after.Count);
        Assert.DoesNotContain(after, e => e.Who == "someone else");
    }

    [Fact]
    public async Task The_application_refuses_to_save_a_changed_or_removed_audit_entry()
    {
        await RegisterAsync();
        await using var db = _database.CreateDbContext();
        var entry = await db.AuditEntries.FirstAsync(Ct);

        db.AuditEntries.Remove(entry);

        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync(Ct));
    }
}
