using System.Security.Cryptography;
using System.Text;

namespace Coordination.Core.Access;

/// <summary>
/// An agency's key for the API and the hub. Only a SHA-256 hash is kept: the key itself is shown once, when
/// it is made. A revoked key stays on record.
/// </summary>
public sealed class ApiKey
{
    public const string Prefix = "cb_";

    private ApiKey()
    {
    }

    public Guid Id { get; private set; }

    public string AgencyKey { get; private set; } = "";

    public string Name { get; private set; } = "";

    /// <summary>The first characters of the key, to tell keys apart in lists without revealing them.</summary>
    public string Hint { get; private set; } = "";

    public string Hash { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public bool IsRevoked => RevokedAt is not null;

    /// <summary>Makes a key: the entity to store and the secret to hand over once.</summary>
    public static (ApiKey Key, string Secret) Create(string agencyKey, string name, DateTimeOffset now)
    {
        var secret = Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (new ApiKey
        {
            Id = Guid.CreateVersion7(now),
            AgencyKey = agencyKey,
            Name = name.Trim(),
            Hint = secret[..10],
            Hash = HashOf(secret),
            CreatedAt = now,
        }, secret);
    }

    public static string HashOf(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;
}
