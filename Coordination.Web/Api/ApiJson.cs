using System.Text.Json;
using System.Text.Json.Serialization;

namespace Coordination.Web.Api;

/// <summary>The JSON of the API and the hub: camelCase, and a key the contract does not name is an error.</summary>
public static class ApiJson
{
    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        // A number is a number: "12" is not 12 (the web defaults would read it), and a key given twice is refused.
        options.NumberHandling = JsonNumberHandling.Strict;
        options.AllowDuplicateProperties = false;
    }
}
