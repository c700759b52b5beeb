namespace Coordination.Core.Reference;

/// <summary>村/社区 — a village or community under one township, where a child director (儿童主任) works.</summary>
public sealed class Village
{
    public const int NameMaxLength = 40;

    private Village()
    {
    }

    public Village(string townshipKey, string name)
    {
        TownshipKey = townshipKey;
        Name = name.Trim();
    }

    public int Id { get; private set; }

    public string TownshipKey { get; private set; } = "";

    public string Name { get; private set; } = "";
}
