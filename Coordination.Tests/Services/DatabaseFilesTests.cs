using Coordination.Core.Data;
using Coordination.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Tests.Services;

/// <summary>The database holds children's personal data: its files are readable by the service's own user only.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class DatabaseFilesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string[] Suffixes = ["", "-wal", "-shm"];

    [Fact]
    public async Task A_new_database_and_its_wal_and_shm_files_are_readable_by_their_owner_only()
    {
        await using var database = await TestDatabase.CreateAsync(Ct);
        await using var db = database.CreateDbContext();
        // A write with the connection open: the -wal and -shm files exist now.
        await db.Database.OpenConnectionAsync(Ct);
        await db.Database.ExecuteSqlRawAsync("UPDATE Agencies SET SortOrder = SortOrder", Ct);

        foreach (var suffix in Suffixes)
        {
            var file = database.Path + suffix;
            Assert.True(File.Exists(file), file);
            Assert.Equal(Database.OwnerOnly, File.GetUnixFileMode(file));
        }
    }

    [Fact]
    public void A_database_file_found_readable_by_others_is_narrowed_at_start()
    {
        var folder = Directory.CreateTempSubdirectory("coordination-modes");
        try
        {
            var path = Path.Combine(folder.FullName, "board.db");
            File.WriteAllBytes(path, []);
            File.SetUnixFileMode(path, Database.OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

            Database.KeepPrivate(path);

            Assert.Equal(Database.OwnerOnly, File.GetUnixFileMode(path));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
