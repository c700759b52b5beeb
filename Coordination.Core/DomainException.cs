namespace Coordination.Core;

/// <summary>
/// A rule of the work was broken. <see cref="Code"/> is a stable resource key the faces translate
/// (zh-CN by default); the message is the English text for logs.
/// </summary>
public class DomainException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
