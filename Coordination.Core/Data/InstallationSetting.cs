namespace Coordination.Core.Data;

/// <summary>
/// A fact about this installation kept in its own database (so it travels with a backup and no other board shares
/// it): for example that the database was made as a demo database.
/// </summary>
public sealed class InstallationSetting
{
    private InstallationSetting()
    {
    }

    public InstallationSetting(string key, string value)
    {
        Key = key;
        Value = value;
    }

    public string Key { get; private set; } = "";

    public string Value { get; private set; } = "";
}
