namespace Coordination.Web.Accounts;

/// <summary>The list of passwords too common to allow, read once from <c>data/common-passwords.txt</c>.</summary>
public sealed class CommonPasswords
{
    private readonly HashSet<string> _passwords;

    public CommonPasswords(IEnumerable<string> passwords) =>
        _passwords = new HashSet<string>(passwords.Select(p => p.Trim()).Where(p => p.Length > 0 && !p.StartsWith('#')), StringComparer.OrdinalIgnoreCase);

    public static CommonPasswords Load(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, "common-passwords.txt");
        return new CommonPasswords(File.Exists(path) ? File.ReadAllLines(path) : []);
    }

    public int Count => _passwords.Count;

    public bool Contains(string password) => _passwords.Contains(password.Trim());
}
