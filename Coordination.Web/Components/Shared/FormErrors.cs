using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using Microsoft.AspNetCore.Components.Forms;

namespace Coordination.Web.Components.Shared;

/// <summary>
/// The problems Core found with a form's input, at the fields they belong to. Core names a field by the API's
/// camelCase path (<c>household.guardianship</c>); a form binds each input to its model's property by expression
/// (<c>For="() => Model.Guardianship"</c>) inside the <see cref="Context"/> it cascades. The model's shape says,
/// once, which property answers for which path (<see cref="ApiPathAttribute"/>, <see cref="FormSectionAttribute"/>);
/// a problem no property answers for is the model's own (shown by a <c>ValidationSummary</c> of the model).
/// </summary>
public sealed class FormErrors
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyList<Member>> Shapes = new();

    private readonly Labels _labels;
    private readonly ValidationMessageStore _store;

    public FormErrors(object model, Labels labels)
    {
        _labels = labels;
        Context = new EditContext(model);
        _store = new ValidationMessageStore(Context);
    }

    /// <summary>Cascaded to the form's inputs: MudBlazor's fields and Blazor's <c>ValidationMessage</c> read their messages from it.</summary>
    public EditContext Context { get; }

    /// <summary>Whether the form shows any problem.</summary>
    public bool Any => Context.GetValidationMessages().Any();

    /// <summary>Shows these problems (each field's first, in the page's language) in place of the ones shown.</summary>
    public void Show(InputErrors? errors)
    {
        _store.Clear();
        if (errors is not null)
        {
            var fields = FieldsOf(Context.Model);
            foreach (var (path, codes) in errors.ByField)
            {
                var field = fields.TryGetValue(path, out var f) ? f : new FieldIdentifier(Context.Model, string.Empty);
                _store.Add(field, _labels.Error(codes[0]));
            }
        }
        Context.NotifyValidationStateChanged();
    }

    /// <summary>Shows one problem, of the field at <paramref name="path"/>, in place of the ones shown.</summary>
    public void Show(string path, string code)
    {
        var errors = new InputErrors();
        errors.Add(path, code);
        Show(errors);
    }

    public void Clear() => Show(null);

    /// <summary>Whether a save is under way: the form's save button is disabled meanwhile, so one click saves once.</summary>
    public bool Saving { get; private set; }

    /// <summary>
    /// Runs a form's save: <see cref="Saving"/> while it runs; the problems shown are cleared when it succeeds and
    /// replaced by Core's, at their fields, when Core refuses the input. Any other refusal of the domain goes to
    /// <paramref name="refused"/>; a form that expects none lets it through. True when the save went through.
    /// </summary>
    public async Task<bool> SaveAsync(Func<Task> save, Func<DomainException, Task>? refused = null)
    {
        Saving = true;
        try
        {
            await save();
            Clear();
            return true;
        }
        catch (InvalidInputException ex)
        {
            Show(ex.Errors);
        }
        catch (DomainException ex) when (refused is not null)
        {
            await refused(ex);
        }
        finally
        {
            Saving = false;
        }
        return false;
    }

    /// <summary>The message shown for a field, for inputs that are not MudBlazor fields of that property's type.</summary>
    public string? Message<T>(Expression<Func<T>> field) =>
        Context.GetValidationMessages(FieldIdentifier.Create(field)).FirstOrDefault();

    /// <summary>Every path of the model as it is now (its sections may have been replaced since), with its field.</summary>
    public static IReadOnlyDictionary<string, FieldIdentifier> FieldsOf(object model)
    {
        var fields = new Dictionary<string, FieldIdentifier>(StringComparer.Ordinal);
        Add(model, "", fields);
        return fields;
    }

    private static void Add(object owner, string prefix, Dictionary<string, FieldIdentifier> fields)
    {
        foreach (var member in ShapeOf(owner.GetType()))
        {
            foreach (var declared in member.Paths)
            {
                var path = Join(prefix, declared ?? Camel(member.Property.Name));
                if (!member.Section)
                {
                    fields.TryAdd(path, new FieldIdentifier(owner, member.Property.Name));
                }
                else if (member.Property.GetValue(owner) is { } section)
                {
                    Add(section, path, fields);
                }
            }
        }
    }

    private static IReadOnlyList<Member> ShapeOf(Type type) => Shapes.GetOrAdd(type, static t =>
        t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetMethod is not null && p.GetIndexParameters().Length == 0)
            .Select(p =>
            {
                string?[] declared = p.GetCustomAttributes<ApiPathAttribute>().Select(a => a.Path).ToArray();
                return new Member(p, declared.Length > 0 ? declared : [null], p.PropertyType.GetCustomAttribute<FormSectionAttribute>() is not null);
            })
            .ToList());

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    private static string Join(string prefix, string path) => prefix.Length == 0 ? path : path.Length == 0 ? prefix : prefix + "." + path;

    private sealed record Member(PropertyInfo Property, string?[] Paths, bool Section);
}
