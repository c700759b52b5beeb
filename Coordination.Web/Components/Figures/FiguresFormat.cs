using Coordination.Core.Figures;

namespace Coordination.Web.Components.Figures;

/// <summary>A figure as /figures shows it: yuan with two decimals, shares and hours with one, counts whole; thousands separated.</summary>
public static class FiguresFormat
{
    public static string Value(Indicator i, decimal value) => i.Unit switch
    {
        IndicatorUnit.Yuan => value.ToString("#,0.00", CultureInfo.InvariantCulture),
        IndicatorUnit.Percent or IndicatorUnit.Hours => value.ToString("0.0", CultureInfo.InvariantCulture),
        _ => value.ToString("#,0", CultureInfo.InvariantCulture),
    };
}
