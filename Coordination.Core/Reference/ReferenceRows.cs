namespace Coordination.Core.Reference;

/// <summary>A line of <c>data/agencies.csv</c>.</summary>
public sealed record AgencyRow(string Key, string Name, string NameEn, string ScreeningKind)
{
    public static AgencyRow From(CsvLine line) =>
        new(line.Required("key"), line.Required("name"), line.Required("name_en"), line.Required("screening_kind"));
}

/// <summary>A line of <c>data/townships.csv</c>: 乡镇、街道 or the development zone.</summary>
public sealed record TownshipRow(string Key, string Name, string Kind, string NameEn, string Note)
{
    public static TownshipRow From(CsvLine line) =>
        new(line.Required("key"), line.Required("name"), line.Required("kind"), line.Required("name_en"), line.Text("note"));
}

/// <summary>A line of <c>data/programmes.csv</c>: a named effort with its target (empty when it has none) and deadline.</summary>
public sealed record ProgrammeRow(
    string Key, string Name, string NameEn, string LeadAgency, AssistanceKind Kind, int? Target, ProgrammeUnit Unit, DateOnly StartsOn, DateOnly Deadline)
{
    public static ProgrammeRow From(CsvLine line) =>
        new(line.Required("key"), line.Required("name"), line.Required("name_en"), line.Required("lead_agency"),
            line.Key<AssistanceKind>("kind"), line.OptionalInt("target"), line.Key<ProgrammeUnit>("unit"),
            line.Date("starts_on"), line.Date("deadline"));
}
