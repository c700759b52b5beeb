namespace Coordination.Web.Hosting;

/// <summary>
/// Chinese and English punctuate differently (全角 ："（）、" against ": ( ) ,"): labels, notes in brackets and
/// lists are joined here, in the person's language.
/// </summary>
public static class Punctuation
{
    /// <summary>"监护状况：监护薄弱" / "Guardianship: weak".</summary>
    public static string Field(string label, string value) => Labels.English ? $"{label}: {value}" : $"{label}：{value}";

    /// <summary>A remark in brackets after what it explains: "（5岁）" / " (aged 5)".</summary>
    public static string Bracket(string remark) => Labels.English ? $" ({remark})" : $"（{remark}）";

    /// <summary>"留守儿童、低保家庭" / "Left-behind, Low-income household".</summary>
    public static string List(IEnumerable<string> items) => string.Join(Labels.English ? ", " : "、", items);
}
