using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Coordination.Web.Api;

/// <summary>
/// Reads a request body strictly, so that a malformed value or a key the contract does not know becomes a
/// problem detail naming that field (the framework's own binding answers 400 with no word of which).
/// </summary>
public static partial class JsonBody
{
    public static async Task<(T? Value, InputErrors? Errors)> ReadAsync<T>(HttpRequest request) where T : class
    {
        var options = request.HttpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var errors = new InputErrors();
        if (!request.HasJsonContentType())
        {
            errors.Add("$", "Error.Json.ContentType");
            return (null, errors);
        }
        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, options, request.HttpContext.RequestAborted);
            if (value is null)
            {
                errors.Add("$", "Error.Json.Empty");
                return (null, errors);
            }
            return (value, null);
        }
        catch (JsonException ex)
        {
            var unknown = UnmappedProperty().Match(ex.Message);
            if (unknown.Success)
            {
                errors.Add(FieldOf(ex.Path, unknown.Groups[1].Value), "Error.Json.UnknownKey");
            }
            else
            {
                errors.Add(FieldOf(ex.Path, null), "Error.Json.Malformed");
            }
            return (null, errors);
        }
    }

    /// <summary>$.child.birthDate → child.birthDate; an unknown key is named in full.</summary>
    private static string FieldOf(string? path, string? unknownKey)
    {
        var field = (path ?? "$").TrimStart('$').TrimStart('.');
        if (unknownKey is not null && !field.EndsWith(unknownKey, StringComparison.Ordinal))
        {
            field = field.Length == 0 ? unknownKey : field + "." + unknownKey;
        }
        return field.Length == 0 ? "$" : field;
    }

    [GeneratedRegex("The JSON property '([^']+)' could not be mapped")]
    private static partial Regex UnmappedProperty();
}
