namespace Coordination.Core.Reference;

/// <summary>部门 — an agency that works the board (民政局, 妇联, 卫健局, 教育局, more later).</summary>
public sealed class Agency
{
    private Agency()
    {
    }

    public Agency(string key, string name, string nameEn, string? screeningKind, int sortOrder)
    {
        Key = key;
        Update(name, nameEn, screeningKind, sortOrder);
    }

    public string Key { get; private set; } = "";

    public string Name { get; private set; } = "";

    public string NameEn { get; private set; } = "";

    /// <summary>The screening kind this agency records (its key), if it screens at all.</summary>
    public string? ScreeningKind { get; private set; }

    public int SortOrder { get; private set; }

    public void Update(string name, string nameEn, string? screeningKind, int sortOrder)
    {
        Name = name;
        NameEn = nameEn;
        ScreeningKind = string.IsNullOrWhiteSpace(screeningKind) ? null : screeningKind;
        SortOrder = sortOrder;
    }

    public string DisplayName(bool english) => english ? NameEn : Name;
}
