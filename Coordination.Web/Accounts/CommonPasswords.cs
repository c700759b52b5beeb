namespace Coordination.Web.Accounts;

/// <summary>
/// The passwords too common to allow, read once from <c>data/common-passwords*.txt</c>: the board's own list (Chinese
/// favourites, the demo password) and zxcvbn's dictionary of about 49,000 (source and licence in its file's header).
/// </summary>
public sealed class CommonPasswords
{
    /// <summary>Fewer than this and the list is not the real one (a missing or cut file): the board refuses to start rather than accept weak passwords.</summary>
    public const int MinimumSize = 10_000;

    private readonly HashSet<string> _passwords;

    public CommonPasswords(IEnumerable<string> passwords) =>
        _passwords = new HashSet<string>(passwords.Select(p => p.Trim()).Where(p => p.Length > 0 && !p.StartsWith('#')), StringComparer.OrdinalIgnoreCase);

    public static CommonPasswords Load(string dataDirectory)
    {
        var files = Directory.Exists(dataDirectory) ? Directory.GetFiles(dataDirectory, "common-passwords*.txt") : [];
        var list = new CommonPasswords(files.SelectMany(File.ReadLines));
        if (list.Count < MinimumSize)
        {
            throw new InvalidOperationException(
                $"The common-password list in {dataDirectory} has {list.Count} entries, fewer than {MinimumSize}: data/common-passwords*.txt is missing or cut.");
        }
        return list;
    }

    public int Count => _passwords.Count;

    public bool Contains(string password) => _passwords.Contains(password.Trim());
}
