namespace Coordination.Tests.Support;

/// <summary>One running app shared by the tests of a class.</summary>
public sealed class BoardAppFixture : IAsyncLifetime
{
    public BoardApp App { get; private set; } = default!;

    public ValueTask InitializeAsync()
    {
        App = new BoardApp();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => App.DisposeAsync();
}
