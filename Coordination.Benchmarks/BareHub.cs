using Microsoft.AspNetCore.SignalR;

namespace Coordination.Benchmarks;

/// <summary>A hub with nothing in it: the baseline is SignalR's own broadcast cost.</summary>
internal sealed class BareHub : Hub
{
    public const string Path = "/hubs/bare";
}
