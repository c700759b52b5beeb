namespace Coordination.Web.Components.Shared;

/// <summary>
/// Where Core reports the problems of a form's property: the camelCase path of the API (<c>child.name</c>),
/// after the path of the section holding it. Without it a property is at its own camelCase name. On a property whose type is
/// a <see cref="FormSectionAttribute"/> class, the path is the prefix of the section's fields (empty: the section's
/// fields are at the path of the model holding it). A property may
/// answer for several paths (a chosen child for <c>child</c> and <c>child.id</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = true)]
public sealed class ApiPathAttribute(string path) : Attribute
{
    public string Path { get; } = path;
}

/// <summary>A part of a form model with fields of its own (the household findings, a child's details).</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class FormSectionAttribute : Attribute;
