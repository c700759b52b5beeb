using Bunit;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Coordination.Tests.Support;

/// <summary>
/// Setting MudBlazor fields in bUnit the way a person's choice arrives: through the field's own change
/// callback. (A MudSelect's options only exist in its popover, which bUnit does not open.)
/// </summary>
public static class MudFields
{
    /// <summary>The MudBlazor component of type <typeparamref name="TField"/> that carries <c>data-testid=<paramref name="testId"/></c>.</summary>
    public static IRenderedComponent<TField> Field<TField>(this IRenderedComponent<IComponent> cut, string testId)
        where TField : MudComponentBase =>
        cut.FindComponents<TField>().Single(f => Equals(f.Instance.UserAttributes.GetValueOrDefault("data-testid"), testId));

    /// <summary>Chooses <paramref name="value"/> in the MudSelect marked <paramref name="testId"/>.</summary>
    public static Task ChooseAsync<T>(this IRenderedComponent<IComponent> cut, string testId, T value)
    {
        var select = cut.Field<MudSelect<T>>(testId);
        return cut.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(value));
    }
}
