using System.Collections.ObjectModel;

namespace Coordination.Core.Figures;

/// <summary>
/// One quarter's computed values: each indicator's city total and, for additive indicators, its value in each
/// of the 27 areas (the totals are the sums of the areas, so 分乡镇 adds up to 汇总 by construction).
/// </summary>
public sealed class FigureTable
{
    private readonly Dictionary<string, decimal> _totals = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, decimal>> _byTownship = new(StringComparer.Ordinal);

    public FigureTable(Quarter quarter) => Quarter = quarter;

    public Quarter Quarter { get; }

    /// <summary>The value of <paramref name="key"/> for the city; 0 when nothing was counted.</summary>
    public decimal Total(string key) => _totals.GetValueOrDefault(key);

    /// <summary>The value of an additive indicator in one area; 0 when nothing was counted there.</summary>
    public decimal In(string key, string townshipKey) =>
        _byTownship.TryGetValue(key, out var t) ? t.GetValueOrDefault(townshipKey) : 0;

    public IReadOnlyDictionary<string, decimal> Totals => new ReadOnlyDictionary<string, decimal>(_totals);

    /// <summary>Counts a value in one area; the city total follows.</summary>
    internal void AddIn(string key, string townshipKey, decimal value)
    {
        if (!_byTownship.TryGetValue(key, out var t))
        {
            _byTownship[key] = t = new Dictionary<string, decimal>(StringComparer.Ordinal);
        }
        t[townshipKey] = t.GetValueOrDefault(townshipKey) + value;
        _totals[key] = _totals.GetValueOrDefault(key) + value;
    }

    /// <summary>Sets a city-wide value that does not add up over areas (a share, a median, a target).</summary>
    internal void SetTotal(string key, decimal value) => _totals[key] = value;

    /// <summary>A table restored from stored values (a locked quarter).</summary>
    public static FigureTable FromStored(Quarter quarter, IEnumerable<(string Key, string? TownshipKey, decimal Value)> rows)
    {
        var table = new FigureTable(quarter);
        foreach (var (key, township, value) in rows)
        {
            if (township is null)
            {
                if (!IndicatorCatalogue.TryGet(key, out var i) || !i.Additive)
                {
                    table.SetTotal(key, value);
                }
            }
            else
            {
                table.AddIn(key, township, value);
            }
        }
        return table;
    }

    /// <summary>
    /// 锁定后新增 — what the records say now minus what was locked, for the computed indicators: a record dated in
    /// the quarter that arrived after the lock shows here, never in the locked values.
    /// </summary>
    public static FigureTable Difference(FigureTable live, FigureTable locked)
    {
        var table = new FigureTable(live.Quarter);
        foreach (var i in IndicatorCatalogue.Computed)
        {
            if (i.Additive)
            {
                var areas = new HashSet<string>(StringComparer.Ordinal);
                if (live._byTownship.TryGetValue(i.Key, out var a)) { areas.UnionWith(a.Keys); }
                if (locked._byTownship.TryGetValue(i.Key, out var b)) { areas.UnionWith(b.Keys); }
                foreach (var area in areas)
                {
                    var d = live.In(i.Key, area) - locked.In(i.Key, area);
                    if (d != 0)
                    {
                        table.AddIn(i.Key, area, d);
                    }
                }
            }
            else if (live.Total(i.Key) - locked.Total(i.Key) is var d && d != 0)
            {
                table.SetTotal(i.Key, d);
            }
        }
        return table;
    }

    /// <summary>True when no indicator differs (every value 0).</summary>
    public bool IsEmpty => _totals.Values.All(v => v == 0);

    /// <summary>Every stored value: the additive ones by area, the others as city totals.</summary>
    public IEnumerable<(string Key, string? TownshipKey, decimal Value)> Rows()
    {
        foreach (var (key, areas) in _byTownship)
        {
            foreach (var (township, value) in areas)
            {
                yield return (key, township, value);
            }
        }
        foreach (var (key, value) in _totals)
        {
            if (!_byTownship.ContainsKey(key))
            {
                yield return (key, null, value);
            }
        }
    }
}
