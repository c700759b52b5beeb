using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Coordination.Core.Board;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Coordination.Web.Components.Board;

/// <summary>
/// The board's sections (<see cref="BoardSections"/>) as HTML, rendered once per snapshot and language and shared by
/// every open board showing that snapshot (<see cref="BoardSnapshotService"/> hands the same snapshot to all boards of
/// one view).
/// </summary>
/// <remarks>
/// Why: rendered as components, the board's some 2,000 elements and attributes sat in every circuit's render tree
/// twice (a component keeps its current and its previous tree), ~40 bytes a frame — a few hundred KB of server memory
/// per open board (<c>-- circuits --gcdump</c>). As one markup string each board holds one frame pointing at the
/// shared text. The board only shows: nothing in the sections takes a click. A new snapshot replaces the sections'
/// elements in the browser rather than patching them, which for a board that changes a few times a minute is nothing.
/// </remarks>
public sealed class BoardMarkup(IServiceScopeFactory scopes, ILoggerFactory? loggers = null)
{
    // Weak keys: a snapshot no longer cached by the snapshot service (a newer one replaced it) takes its HTML with it.
    private readonly ConditionalWeakTable<BoardSnapshot, ConcurrentDictionary<string, Lazy<Task<MarkupString>>>> _rendered = new();

    /// <summary>The sections of <paramref name="snapshot"/> in <paramref name="culture"/> (dates, numbers) and <paramref name="uiCulture"/> (text).</summary>
    public async Task<MarkupString> GetAsync(BoardSnapshot snapshot, CultureInfo culture, CultureInfo uiCulture)
    {
        var byLanguage = _rendered.GetValue(snapshot, _ => new ConcurrentDictionary<string, Lazy<Task<MarkupString>>>(StringComparer.Ordinal));
        var key = culture.Name + "|" + uiCulture.Name;
        var lazy = byLanguage.GetOrAdd(key, _ => new Lazy<Task<MarkupString>>(() => RenderAsync(snapshot, culture, uiCulture)));
        try
        {
            return await lazy.Value;
        }
        catch
        {
            // A failed render is not kept: the next board to ask renders again.
            byLanguage.TryRemove(new KeyValuePair<string, Lazy<Task<MarkupString>>>(key, lazy));
            throw;
        }
    }

    private async Task<MarkupString> RenderAsync(BoardSnapshot snapshot, CultureInfo culture, CultureInfo uiCulture)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(new Unescaped(scope.ServiceProvider), loggers ?? NullLoggerFactory.Instance);
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = uiCulture;
            var output = await renderer.RenderComponentAsync<BoardSections>(ParameterView.FromDictionary(new Dictionary<string, object?> { [nameof(BoardSections.Snapshot)] = snapshot }));
            return output.ToHtmlString();
        });
        return new MarkupString(html);
    }

    /// <summary>
    /// The scope's services with an HTML encoder that leaves Chinese as it is: HtmlRenderer's default writes every CJK
    /// character as an entity (8 characters for one), which the browser shows the same but doubles the shared text.
    /// </summary>
    private sealed class Unescaped(IServiceProvider services) : IServiceProvider
    {
        private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

        public object? GetService(Type serviceType) => serviceType == typeof(HtmlEncoder) ? Encoder : services.GetService(serviceType);
    }
}
