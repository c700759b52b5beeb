namespace Coordination.Core.Children;

/// <summary>Masking of a person's name where it is not needed: 陈*明, 李*, Wang *.</summary>
public static class PersonName
{
    public static string Mask(string name)
    {
        var n = name.Trim();
        var elements = System.Globalization.StringInfo.GetTextElementEnumerator(n);
        var chars = new List<string>();
        while (elements.MoveNext())
        {
            chars.Add((string)elements.Current);
        }
        return chars.Count switch
        {
            0 => "",
            1 => "*",
            2 => chars[0] + "*",
            _ => chars[0] + new string('*', chars.Count - 2) + chars[^1],
        };
    }
}
