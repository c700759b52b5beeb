using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Coordination.Web.Components.Board;

/// <summary>
/// The board's sections (<see cref="BoardSections"/>) as HTML, rendered once per snapshot and language and shared by
/// every open board showing that snapshot (<see cref="BoardSnapshotService"/> hands the same snapshot to all boards of
/// one view). The page keeps the grid and the two scrolling boxes as its own elements, so a new snapshot replaces the
/// parts inside them and a scrolled feed stays where the liaison left it.
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
    private readonly ConditionalWeakTable<BoardSnapshot, ConcurrentDictionary<string, Lazy<Task<BoardHtml>>>> _rendered = new();

    /// <summary>The parts of <paramref name="snapshot"/> in <paramref name="culture"/> (dates, numbers) and <paramref name="uiCulture"/> (text).</summary>
    public async Task<BoardHtml> GetAsync(BoardSnapshot snapshot, CultureInfo culture, CultureInfo uiCulture)
    {
        var byLanguage = _rendered.GetValue(snapshot, _ => new ConcurrentDictionary<string, Lazy<Task<BoardHtml>>>(StringComparer.Ordinal));
        var key = culture.Name + "|" + uiCulture.Name;
        var lazy = byLanguage.GetOrAdd(key, _ => new Lazy<Task<BoardHtml>>(() => RenderAsync(snapshot, culture, uiCulture)));
        try
        {
            return await lazy.Value;
        }
        catch
        {
            // A failed render is not kept: the next board to ask renders again.
            byLanguage.TryRemove(new KeyValuePair<string, Lazy<Task<BoardHtml>>>(key, lazy));
            throw;
        }
    }

    private async Task<BoardHtml> RenderAsync(BoardSnapshot snapshot, CultureInfo culture, CultureInfo uiCulture)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(new Unescaped(scope.ServiceProvider), loggers ?? NullLoggerFactory.Instance);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = uiCulture;
            async Task<MarkupString> Part(BoardPart part)
            {
                var output = await renderer.RenderComponentAsync<BoardSections>(ParameterView.FromDictionary(new Dictionary<string, object?>
                {
                    [nameof(BoardSections.Snapshot)] = snapshot,
                    [nameof(BoardSections.Part)] = part,
                }));
                return new MarkupString(output.ToHtmlString());
            }
            return new BoardHtml(await Part(BoardPart.Kpis), await Part(BoardPart.Columns), await Part(BoardPart.Overdue), await Part(BoardPart.Feed));
        });
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

/// <summary>The board's parts below its title; the page places them (<see cref="BoardSections"/>).</summary>
public enum BoardPart
{
    Kpis,
    Columns,
    Overdue,
    Feed,
}

/// <summary>The HTML of each part of one snapshot in one language.</summary>
public sealed record BoardHtml(MarkupString Kpis, MarkupString Columns, MarkupString Overdue, MarkupString Feed);
