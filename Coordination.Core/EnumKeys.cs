using System.Collections.Concurrent;
using System.Text;

namespace Coordination.Core;

/// <summary>
/// The stable keys of the domain's enumerations (<c>left-behind</c>, <c>health-check</c>, ...): the
/// kebab-case of the member name. These keys are what the API, the hub, URLs and files use.
/// </summary>
public static class EnumKeys
{
    private static readonly ConcurrentDictionary<Type, Dictionary<string, object>> ByKey = new();

    public static string Key<T>(this T value) where T : struct, Enum => ToKebab(value.ToString());

    public static bool TryParse<T>(string? key, out T value) where T : struct, Enum
    {
        value = default;
        if (string.IsNullOrWhiteSpace(key))
        {
            return false;
        }
        var map = ByKey.GetOrAdd(typeof(T), static t => Enum.GetValues(t).Cast<object>()
            .ToDictionary(v => ToKebab(v.ToString()!), v => v, StringComparer.Ordinal));
        if (map.TryGetValue(key.Trim(), out var found))
        {
            value = (T)found;
            return true;
        }
        return false;
    }

    public static IReadOnlyList<T> All<T>() where T : struct, Enum => Enum.GetValues<T>();

    private static string ToKebab(string name)
    {
        var sb = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                if (i > 0)
                {
                    sb.Append('-');
                }
                sb.Append(char.ToLowerInvariant(c));
            }
            else
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }
}
