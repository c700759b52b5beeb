using Coordination.Core.Access;
using Coordination.Tests.Support;
using Coordination.Web.Hubs;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Tests.Web;

public sealed class RevokedKeyHubTests(BoardAppFixture fixture) : IClassFixture<BoardAppFixture>
{
    private readonly BoardApp _app = fixture.App;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HubConnection HubWith(string secret) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(_app.Address, "/hubs/board"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(secret))
            .Build();

    [Fact]
    public async Task Revoking_a_key_closes_the_hub_connections_already_open_with_it_and_no_others()
    {
        var keys = _app.Services.GetRequiredService<ApiKeyService>();
        var (doomed, doomedSecret) = await keys.CreateAsync(BoardApp.Admin, "education", "to be revoked", Ct);
        var (_, keptSecret) = await keys.CreateAsync(BoardApp.Admin, "education", "kept", Ct);
        await using var revokedClient = HubWith(doomedSecret);
        await using var keptClient = HubWith(keptSecret);
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        revokedClient.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };
        await revokedClient.StartAsync(Ct);
        await keptClient.StartAsync(Ct);

        Assert.True(await keys.RevokeAsync(BoardApp.Admin, doomed.Id.ToString(), Ct));
        var count = await _app.Services.GetRequiredService<LiveKeyConnections>().CloseRevokedAsync(Ct);

        await closed.Task.Within();
        Assert.Equal(1, count);
        Assert.Equal(HubConnectionState.Disconnected, revokedClient.State);
        Assert.Equal(HubConnectionState.Connected, keptClient.State);
        Assert.NotNull(await keptClient.InvokeAsync<object>("CatchUp", 0L, Ct));
        await Assert.ThrowsAnyAsync<Exception>(() => revokedClient.StartAsync(Ct));
    }
}
