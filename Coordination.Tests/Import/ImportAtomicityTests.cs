using Coordination.Core;
using Coordination.Core.Access;
using Coordination.Core.Data;
using Coordination.Core.Import;
using Coordination.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Tests.Import;

/// <summary>Issue 12, acceptance 2: an import is all or nothing, and importing the same file twice is importing it once.</summary>
public sealed class ImportAtomicityTests : IAsyncLifetime
{
    private BoardApp _app = null!;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly Actor Education = new("education", "诗山中心小学 王老师", Role.Liaison, From: "tests");

    public ValueTask InitializeAsync()
    {
        _app = new BoardApp();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private ImportService Import => _app.Services.GetRequiredService<ImportService>();

    /// <summary>Everything an import could touch, row for row, to compare "before" with "after".</summary>
    private async Task<string> RegisterStateAsync()
    {
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<CoordinationDbContext>>().CreateDbContextAsync(Ct);
        var children = await db.Children.AsNoTracking().OrderBy(c => c.Id).Select(c => c.Id + c.ResidentId + c.Risk + c.Version).ToListAsync(Ct);
        var categories = await db.ChildCategories.AsNoTracking().CountAsync(Ct);
        var screenings = await db.Screenings.AsNoTracking().OrderBy(s => s.Id).Select(s => s.Id.ToString()).ToListAsync(Ct);
        var events = await db.BoardEvents.AsNoTracking().CountAsync(Ct);
        var audit = await db.AuditEntries.AsNoTracking().CountAsync(Ct);
        var risks = await db.ChildRiskChanges.AsNoTracking().CountAsync(Ct);
        return string.Join('|', children) + $"#{categories}#" + string.Join('|', screenings) + $"#{events}#{audit}#{risks}";
    }

    [Fact]
    public async Task A_failure_on_row_150_of_the_apply_leaves_the_register_exactly_as_it_was()
    {
        var file = new SchoolRegister(serialBase: 0);
        // Some of the file's children are on the register already: their records must not move either.
        var screenings = _app.Services.GetRequiredService<Core.Screenings.ScreeningService>();
        foreach (var l in file.Lines.Take(3))
        {
            await screenings.RecordAsync(TestInputs.Health, new Core.Screenings.RecordScreening("health-check", new DateOnly(2026, 10, 1), null,
                new Core.Children.NewChild(l.Name, l.Sex.ToString(), l.Birth, l.ResidentId, l.Township, ["left-behind"]), "low", [], null), Ct);
        }
        var bytes = file.ToXlsx();
        var dryRun = await Import.DryRunAsync(Education, new ImportFile(bytes, "f.xlsx"), ct: Ct);
        Assert.True(dryRun.IsClean);
        var row150 = file.Lines.Single(l => l.Row == 150);
        // A constraint of the database that the 150th row's child breaks, as a disk or a schema can: SQLite aborts the insert.
        await using (var connection = new SqliteConnection(Database.ConnectionStringFor(_app.DatabasePath)))
        {
            await connection.OpenAsync(Ct);
            await using var command = connection.CreateCommand();
            command.CommandText = $"CREATE TRIGGER fail_on_row_150 BEFORE INSERT ON Children WHEN NEW.Name = '{row150.Name}' BEGIN SELECT RAISE(ABORT, 'row 150'); END;";
            await command.ExecuteNonQueryAsync(Ct);
        }
        using var api = _app.Api("education"); // its key made (and audited) before the register is noted
        var before = await RegisterStateAsync();

        var failed = await Assert.ThrowsAsync<ImportSaveException>(() => Import.ApplyAsync(Education, new ImportFile(bytes, "f.xlsx"), ImportChoices.None, ct: Ct));

        Assert.Equal("Error.Import.SaveFailed", failed.Code);
        Assert.Equal(before, await RegisterStateAsync());

        // Through the API: a problem in Chinese, not a 500; still nothing written.
        using var form = new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", "f.xlsx" } };
        using var response = await api.PostAsync("/api/v1/import/apply", form, Ct);
        Assert.Equal(System.Net.HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(_app.Chinese("Error.Import.SaveFailed"), (string?)(await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>(response.Content, Ct))!["title"]);

        Assert.Equal(before, await RegisterStateAsync());
    }

    [Fact]
    public async Task Importing_the_same_file_twice_leaves_the_register_as_after_the_first_time()
    {
        var file = new SchoolRegister(count: 60, serialBase: 300);
        var bytes = file.ToXlsx();
        var first = await Import.ApplyAsync(Education, new ImportFile(bytes, "f.xlsx"), ImportChoices.None, ct: Ct);
        Assert.Equal(60, first.Count(ImportOutcome.New));
        var afterFirst = await RegisterStateAsync();

        var dryRun = await Import.DryRunAsync(Education, new ImportFile(bytes, "f.xlsx"), ct: Ct);
        var second = await Import.ApplyAsync(Education, new ImportFile(bytes, "f.xlsx"), ImportChoices.None, ct: Ct);

        Assert.All(dryRun.Rows, r => Assert.Equal(ImportOutcome.Unchanged, r.Outcome));
        Assert.All(second.Rows, r => Assert.Equal(ImportOutcome.Unchanged, r.Outcome));
        Assert.Equal(afterFirst, await RegisterStateAsync());
    }
}
