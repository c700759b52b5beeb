namespace Coordination.Core.Reference;

/// <summary>乡镇/街道 — one of the 26 townships, or the Xuefeng development zone (the 27th service area).</summary>
public sealed class Township
{
    private Township()
    {
    }

    public Township(string key, string name, string nameEn, string kind, string? note, int sortOrder)
    {
        Key = key;
        Update(name, nameEn, kind, note, sortOrder);
    }

    public string Key { get; private set; } = "";

    public string Name { get; private set; } = "";

    public string NameEn { get; private set; } = "";

    /// <summary>街道, 镇, 乡 or 开发区, as the reference list gives it.</summary>
    public string Kind { get; private set; } = "";

    public string? Note { get; private set; }

    public int SortOrder { get; private set; }

    /// <summary>The development zone is a service area but not one of the 26 townships.</summary>
    public bool IsTownship => Kind != "开发区";

    public void Update(string name, string nameEn, string kind, string? note, int sortOrder)
    {
        Name = name;
        NameEn = nameEn;
        Kind = kind;
        Note = string.IsNullOrWhiteSpace(note) ? null : note;
        SortOrder = sortOrder;
    }

    public string DisplayName(bool english) => english ? NameEn : Name;
}
