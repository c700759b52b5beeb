namespace Coordination.Core.Reference;

/// <summary>
/// Loads <c>data/agencies.csv</c> and <c>data/townships.csv</c> into the database at start: new keys are
/// added, known keys updated; keys are never removed (records point at them). A file that cannot be read stops
/// start-up with <see cref="ReferenceFileException"/> (file, line, column).
/// </summary>
public static class ReferenceData
{
    public const string AgenciesFile = "agencies.csv";
    public const string TownshipsFile = "townships.csv";
    public const string ProgrammesFile = "programmes.csv";

    public static async Task LoadAsync(CoordinationDbContext db, string dataDirectory, CancellationToken ct = default)
    {
        var agencies = await db.Agencies.ToDictionaryAsync(a => a.Key, ct);
        var order = 0;
        foreach (var row in CsvFile.Read(Path.Combine(dataDirectory, AgenciesFile), AgencyRow.From))
        {
            order++;
            if (agencies.TryGetValue(row.Key, out var existing))
            {
                existing.Update(row.Name, row.NameEn, row.ScreeningKind, order);
            }
            else
            {
                db.Agencies.Add(new Agency(row.Key, row.Name, row.NameEn, row.ScreeningKind, order));
            }
        }

        var townships = await db.Townships.ToDictionaryAsync(t => t.Key, ct);
        order = 0;
        foreach (var row in CsvFile.Read(Path.Combine(dataDirectory, TownshipsFile), TownshipRow.From))
        {
            order++;
            if (townships.TryGetValue(row.Key, out var existing))
            {
                existing.Update(row.Name, row.NameEn, row.Kind, row.Note, order);
            }
            else
            {
                db.Townships.Add(new Township(row.Key, row.Name, row.NameEn, row.Kind, row.Note, order));
            }
        }
        await db.SaveChangesAsync(ct);

        var programmesFile = Path.Combine(dataDirectory, ProgrammesFile);
        if (File.Exists(programmesFile))
        {
            var programmes = await db.Programmes.ToDictionaryAsync(p => p.Key, ct);
            order = 0;
            foreach (var row in CsvFile.Read(programmesFile, ProgrammeRow.From))
            {
                order++;
                if (programmes.TryGetValue(row.Key, out var existing))
                {
                    existing.Update(row.Name, row.NameEn, row.LeadAgency, row.Kind, row.Target, row.Unit, row.StartsOn, row.Deadline, order);
                }
                else
                {
                    db.Programmes.Add(new Programme(row.Key, row.Name, row.NameEn, row.LeadAgency, row.Kind, row.Target, row.Unit, row.StartsOn, row.Deadline, order));
                }
            }
            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>
    /// Finds the folder with the reference files: the configured one, else the nearest <c>data/</c> with
    /// <c>townships.csv</c> at or above <paramref name="start"/> (the repository's when run from source,
    /// the copy beside the binaries when published).
    /// </summary>
    public static string LocateDataDirectory(string? configured, params string[] starts)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured);
        }
        foreach (var start in starts)
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "data");
                if (File.Exists(Path.Combine(candidate, TownshipsFile)) && !candidate.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                {
                    return candidate;
                }
            }
        }
        foreach (var start in starts)
        {
            var beside = Path.Combine(start, "data");
            if (File.Exists(Path.Combine(beside, TownshipsFile)))
            {
                return beside;
            }
        }
        throw new DirectoryNotFoundException("No data/townships.csv found; set Data:Directory.");
    }
}
