using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Coordination.Benchmarks;

/// <summary>
/// The circuits baseline: a bare Blazor Server app (one interactive page that shows a number, no services, no
/// layout) on another loopback port in this process. It serves blazor.web.js from the board's own static-asset
/// manifest, so both load the same script.
/// </summary>
internal sealed class BareBlazorServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private BareBlazorServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public static async Task<BareBlazorServer> StartAsync(string webContentRoot, CancellationToken ct)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(Program).Assembly.GetName().Name,
            ContentRootPath = webContentRoot,
            EnvironmentName = "Development",
        });
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders().AddConsole().SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        var app = builder.Build();
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapRazorComponents<BareShell>().AddInteractiveServerRenderMode();
        await app.StartAsync(ct);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Kestrel reported no address.");
        return new BareBlazorServer(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await _app.StopAsync(stop.Token);
        await _app.DisposeAsync();
    }
}

/// <summary>The bare app's document and its only route: the page, live, and the Blazor script. Public: Blazor finds
/// routable components among an assembly's exported types only (internal, it answered 404).</summary>
[Route("/")]
public sealed class BareShell : ComponentBase
{
    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.AddMarkupContent(0, "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><base href=\"/\"></head>");
        builder.OpenElement(1, "body");
        builder.OpenComponent<BarePage>(2);
        builder.AddComponentRenderMode(RenderMode.InteractiveServer);
        builder.CloseComponent();
        builder.AddMarkupContent(3, "<script src=\"_framework/blazor.web.js\"></script>");
        builder.CloseElement();
        builder.AddMarkupContent(4, "</html>");
    }
}

/// <summary>The bare page: one number and the same "circuit is live" marker the board's pages render.</summary>
public sealed class BarePage : ComponentBase
{
    private bool _interactive;

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender && RendererInfo.IsInteractive)
        {
            _interactive = true;
            StateHasChanged();
        }
    }

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.OpenElement(0, "p");
        builder.AddContent(1, 42);
        builder.CloseElement();
        if (_interactive)
        {
            builder.AddMarkupContent(2, "<span hidden data-testid=\"circuit-ready\"></span>");
        }
    }
}
