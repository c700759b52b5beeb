using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace Coordination.Web.Hubs;

/// <summary>
/// The hub connections opened with each API key. A key can be revoked by another process (the CLI), so the
/// server looks every <see cref="Interval"/> for revoked keys among the connected ones and closes their
/// connections: revoking a key cuts off a program that is already listening too.
/// </summary>
public sealed partial class LiveKeyConnections(
    ApiKeyService apiKeys,
    TimeProvider time,
    ILogger<LiveKeyConnections> logger) : BackgroundService
{
    public const string KeyClaim = "coord:api-key";
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);

    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<string, HubCallerContext>> _byKey = new();

    public void Connected(HubCallerContext context)
    {
        if (KeyOf(context) is { } key)
        {
            _byKey.GetOrAdd(key, _ => new()).TryAdd(context.ConnectionId, context);
        }
    }

    public void Disconnected(HubCallerContext context)
    {
        if (KeyOf(context) is { } key && _byKey.TryGetValue(key, out var connections))
        {
            connections.TryRemove(context.ConnectionId, out _);
        }
    }

    /// <summary>Closes every connection whose key has been revoked; returns how many it closed.</summary>
    public async Task<int> CloseRevokedAsync(CancellationToken ct = default)
    {
        var keys = _byKey.Where(kv => !kv.Value.IsEmpty).Select(kv => kv.Key).ToList();
        if (keys.Count == 0)
        {
            return 0;
        }
        var revoked = await apiKeys.RevokedAmongAsync(keys, ct);
        var closed = 0;
        foreach (var key in revoked)
        {
            if (_byKey.TryRemove(key, out var connections))
            {
                foreach (var connection in connections.Values)
                {
                    connection.Abort();
                    closed++;
                }
            }
        }
        if (closed > 0)
        {
            ClosedRevoked(closed);
        }
        return closed;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await CloseRevokedAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                CheckFailed(ex);
            }
        }
    }

    private static Guid? KeyOf(HubCallerContext context) =>
        Guid.TryParse(context.User?.FindFirst(KeyClaim)?.Value, out var key) ? key : null;

    [LoggerMessage(Level = LogLevel.Information, Message = "Closed {Count} hub connection(s) of revoked API keys")]
    private partial void ClosedRevoked(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Checking hub connections for revoked API keys failed")]
    private partial void CheckFailed(Exception exception);
}
