namespace Coordination.Core.Import;

/// <summary>
/// The file itself cannot be imported (not a spreadsheet, a .xls, password-protected, too large, merged header cells,
/// several sheets and none named, no header row): nothing was read into the register. <see cref="DomainException.Code"/>
/// is the resource key of the message; <see cref="Arguments"/> fill its placeholders ({0}, ...).
/// </summary>
public sealed class ImportFileException(string code, string message, params string[] arguments) : DomainException(code, message)
{
    public IReadOnlyList<string> Arguments { get; } = arguments;

    /// <summary>For <c>Error.Import.SheetRequired</c> and <c>Error.Import.SheetUnknown</c>: the sheets to choose from.</summary>
    public IReadOnlyList<string> Sheets { get; init; } = [];
}
