namespace Coordination.Core.Reference;

/// <summary>A reference file of <c>data/</c> that cannot be read: start-up stops and says where to look.</summary>
public sealed class ReferenceFileException(string path, int line, string? column, string problem)
    : Exception($"{path}, line {line}{(column is null ? "" : $", column {column}")}: {problem}")
{
    public string FilePath { get; } = path;

    /// <summary>The line of the file where the row starts (1 = the header), counting line breaks inside quoted cells.</summary>
    public int Line { get; } = line;

    public string? Column { get; } = column;
}
