namespace Coordination.Core.Import;

/// <summary>
/// One cell as the file holds it: its text, whether the file stored it as a number (a resident ID stored as a number
/// has lost its last digits; a date stored as a number is an Excel serial) and whether it is a formula.
/// </summary>
public sealed record ImportCell(string Text, bool IsNumber = false, bool IsFormula = false);
