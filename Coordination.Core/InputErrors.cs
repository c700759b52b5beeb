namespace Coordination.Core;

/// <summary>
/// Field-level problems with one piece of input. Field names are the camelCase JSON paths of the API
/// (<c>child.residentId</c>), so the API and the forms report the same field the same way.
/// Each message is a resource key (<c>Error.ResidentId.CheckDigit</c>) translated by the faces.
/// </summary>
public sealed class InputErrors
{
    private readonly Dictionary<string, List<string>> _byField = new(StringComparer.Ordinal);

    public bool IsEmpty => _byField.Count == 0;

    public IReadOnlyDictionary<string, List<string>> ByField => _byField;

    public void Add(string field, string code)
    {
        if (!_byField.TryGetValue(field, out var codes))
        {
            codes = [];
            _byField[field] = codes;
        }
        if (!codes.Contains(code))
        {
            codes.Add(code);
        }
    }

    public bool Has(string field) => _byField.ContainsKey(field);

    public string? First(string field) => _byField.TryGetValue(field, out var codes) ? codes[0] : null;

    public void ThrowIfAny()
    {
        if (!IsEmpty)
        {
            throw new InvalidInputException(this);
        }
    }
}

/// <summary>Input that breaks a rule: nothing was saved.</summary>
public sealed class InvalidInputException(InputErrors errors)
    : DomainException("Error.InvalidInput", "Invalid input: " + string.Join("; ", errors.ByField.Select(kv => kv.Key + "=" + string.Join(",", kv.Value))))
{
    public InputErrors Errors { get; } = errors;
}
