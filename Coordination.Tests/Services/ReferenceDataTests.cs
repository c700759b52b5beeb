using Coordination.Core.Reference;
using Coordination.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Tests.Services;

public sealed class ReferenceDataTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _database = await TestDatabase.CreateAsync(Ct);

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Twenty_seven_areas_and_four_agencies_load()
    {
        await using var db = _database.CreateDbContext();
        var townships = await db.Townships.OrderBy(t => t.SortOrder).ToListAsync(Ct);
        var agencies = await db.Agencies.OrderBy(a => a.SortOrder).ToListAsync(Ct);

        Assert.Equal(27, townships.Count);
        Assert.Equal(26, townships.Count(t => t.IsTownship));
        Assert.Equal("xuefeng-kaifaqu", Assert.Single(townships, t => !t.IsTownship).Key);
        Assert.Equal(["civil-affairs", "womens-federation", "health", "education"], agencies.Select(a => a.Key));
        Assert.Equal(["household", "psychological", "health-check", "school-survey"], agencies.Select(a => a.ScreeningKind));
        Assert.Equal("妇联", agencies[1].Name);
        Assert.Equal("Women's Federation", agencies[1].NameEn);
        Assert.Equal(Enumerable.Range(1, 27), townships.Select(t => t.SortOrder));
    }

    [Fact]
    public async Task Loading_twice_does_not_duplicate()
    {
        await using (var db = _database.CreateDbContext())
        {
            await ReferenceData.LoadAsync(db, TestDatabase.DataDirectory, Ct);
        }

        await using var check = _database.CreateDbContext();
        Assert.Equal(27, await check.Townships.CountAsync(Ct));
        Assert.Equal(4, await check.Agencies.CountAsync(Ct));
        Assert.Equal(27, await check.Townships.Select(t => t.SortOrder).Distinct().CountAsync(Ct));
    }

    [Fact]
    public void Data_directory_is_the_repositorys_not_a_copy_in_bin()
    {
        var dir = ReferenceData.LocateDataDirectory(null, AppContext.BaseDirectory);

        Assert.True(File.Exists(Path.Combine(dir, ReferenceData.TownshipsFile)));
        Assert.DoesNotContain(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar, dir, StringComparison.Ordinal);
    }

    [Fact]
    public void Configured_data_directory_wins() =>
        Assert.Equal(Path.GetFullPath("somewhere/data"), ReferenceData.LocateDataDirectory("somewhere/data", AppContext.BaseDirectory));
}

/// <summary>The reference files are read by a CSV library into typed rows: quoting as RFC 4180 says, and a bad value stops start-up saying where.</summary>
public sealed class ReferenceFileTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "coordination-tests", "reference-" + Guid.NewGuid().ToString("N"));

    public ReferenceFileTests()
    {
        Directory.CreateDirectory(_directory);
        foreach (var file in Directory.EnumerateFiles(TestDatabase.DataDirectory, "*.csv"))
        {
            File.Copy(file, Path.Combine(_directory, Path.GetFileName(file)));
        }
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Write(string file, string text)
    {
        var path = Path.Combine(_directory, file);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void A_quoted_cell_with_a_line_break_a_comma_and_quotes_loads_as_written()
    {
        var path = Write("townships.csv",
            "key,name,kind,name_en,note\n" +
            "ximei-jiedao,溪美街道,街道,Ximei Subdistrict,\"first line,\nsecond \"\"line\"\"\"\n" +
            "liucheng-jiedao,柳城街道,街道,Liucheng Subdistrict,\n");

        var rows = CsvFile.Read(path, TownshipRow.From);

        Assert.Equal(["ximei-jiedao", "liucheng-jiedao"], rows.Select(r => r.Key));
        Assert.Equal("first line,\nsecond \"line\"", rows[0].Note);
        Assert.Equal("Liucheng Subdistrict", rows[1].NameEn);
    }

    [Theory]
    [InlineData("hope-cabin,fifty,children,2026-01-01,2026-12-31", "line 2, column target", "'fifty' is not a whole number")]
    [InlineData("hope-cabin,50,children,2026-13-01,2026-12-31", "line 2, column starts_on", "'2026-13-01' is not a date")]
    [InlineData("hope-shed,50,children,2026-01-01,2026-12-31", "line 2, column kind", "'hope-shed' is not one of")]
    [InlineData("hope-cabin,50,kilograms,2026-01-01,2026-12-31", "line 2, column unit", "'kilograms' is not one of")]
    public void A_bad_value_is_refused_naming_the_file_the_line_and_the_column(string tail, string where, string problem)
    {
        var path = Write("programmes.csv",
            "key,name,name_en,lead_agency,kind,target,unit,starts_on,deadline\n" +
            "cabins,希望小屋,Hope Cabins,civil-affairs," + tail + "\n");

        var refused = Assert.Throws<ReferenceFileException>(() => CsvFile.Read(path, ProgrammeRow.From));

        Assert.Contains(path + ", " + where, refused.Message, StringComparison.Ordinal);
        Assert.Contains(problem, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_line_counted_is_the_files_own_also_after_a_quoted_line_break()
    {
        var path = Write("programmes.csv",
            "key,name,name_en,lead_agency,kind,target,unit,starts_on,deadline\n" +
            "cabins,\"希望\n小屋\",Hope Cabins,civil-affairs,hope-cabin,50,children,2026-01-01,2026-12-31\n" +
            "classes,周六课堂,Saturday classes,civil-affairs,saturday-class,many,townships,2026-01-01,2026-12-31\n");

        var refused = Assert.Throws<ReferenceFileException>(() => CsvFile.Read(path, ProgrammeRow.From));

        Assert.Equal(4, refused.Line);
        Assert.Equal("target", refused.Column);
    }

    [Fact]
    public void A_line_with_too_few_cells_and_a_missing_column_are_refused()
    {
        var shortLine = Write("agencies.csv", "key,name,name_en,screening_kind\nhealth,卫健局,Health Bureau\n");
        Assert.Contains("line 2", Assert.Throws<ReferenceFileException>(() => CsvFile.Read(shortLine, AgencyRow.From)).Message, StringComparison.Ordinal);

        var noColumn = Write("agencies.csv", "key,name,name_en\nhealth,卫健局,Health Bureau\n");
        Assert.Equal("screening_kind", Assert.Throws<ReferenceFileException>(() => CsvFile.Read(noColumn, AgencyRow.From)).Column);
    }

    [Fact]
    public async Task The_server_does_not_start_on_a_bad_reference_file_and_says_file_line_and_column()
    {
        var path = Write("programmes.csv",
            "key,name,name_en,lead_agency,kind,target,unit,starts_on,deadline\n" +
            "cabins,希望小屋,Hope Cabins,civil-affairs,hope-cabin,fifty,children,2026-01-01,2026-12-31\n");
        var web = Path.Combine(AppContext.BaseDirectory, "Coordination.Web.dll");
        var start = new System.Diagnostics.ProcessStartInfo("dotnet", [web, "--urls", "http://127.0.0.1:0"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = _directory,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Data__Directory"] = _directory;
        start.Environment["ConnectionStrings__Coordination"] = Coordination.Core.Data.Database.ConnectionStringFor(Path.Combine(_directory, "board.db"));
        using var server = System.Diagnostics.Process.Start(start)!;
        var errors = server.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(60));
        try
        {
            await server.WaitForExitAsync(deadline.Token);
        }
        finally
        {
            if (!server.HasExited)
            {
                server.Kill(entireProcessTree: true);
            }
        }

        Assert.Equal(1, server.ExitCode);
        Assert.Contains(path + ", line 2, column target: 'fifty' is not a whole number.", await errors, StringComparison.Ordinal);
    }
}
