using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Coordination.Web.Accounts;

/// <summary>
/// When the person last did something in this circuit (a click, a key, a navigation). A circuit makes no HTTP
/// requests, so the sign-in cookie's idle limit cannot see this: <see cref="CircuitSessionValidator"/> does.
/// Scoped: one per circuit.
/// </summary>
public sealed class CircuitActivity(TimeProvider time)
{
    private long _lastTicks = time.GetUtcNow().UtcTicks;

    public DateTimeOffset Last => new(Interlocked.Read(ref _lastTicks), TimeSpan.Zero);

    public void Touch() => Interlocked.Exchange(ref _lastTicks, time.GetUtcNow().UtcTicks);
}

/// <summary>Notes every inbound activity of a circuit (what the person does) in its <see cref="CircuitActivity"/>.</summary>
public sealed class CircuitActivityHandler(CircuitActivity activity) : CircuitHandler
{
    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        context =>
        {
            activity.Touch();
            return next(context);
        };
}
