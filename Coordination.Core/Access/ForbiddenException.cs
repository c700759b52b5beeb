namespace Coordination.Core.Access;

/// <summary>The actor's role or agency does not allow this. Nothing was read or changed.</summary>
public sealed class ForbiddenException(string code, string message) : DomainException(code, message);
