using Coordination.Core;
using Microsoft.Extensions.Time.Testing;

namespace Coordination.Tests.Support;

/// <summary>A board clock the test moves: it starts at 2026-11-20 10:00 China Standard Time.</summary>
public sealed class TestClock
{
    public static readonly DateTimeOffset Start = new(2026, 11, 20, 2, 0, 0, TimeSpan.Zero);

    public TestClock()
    {
        Time = new FakeTimeProvider(Start);
        Board = new BoardClock(Time, BoardClock.ChinaStandardTime);
    }

    public FakeTimeProvider Time { get; }

    public BoardClock Board { get; }

    public DateOnly Today => Board.Today;
}
